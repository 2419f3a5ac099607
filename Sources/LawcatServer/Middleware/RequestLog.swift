// One line a request: when, what, the answer, how long it took, and who (the
// account's name, once authentication has found it). Never a password,
// token, cookie or query string (a search can name a client matter).
import Catalogue
import Foundation
import HTTPTypes
import Hummingbird

struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = LawcatContext
    let log: @Sendable (String) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let note = RequestNote()
        let response = try await RequestNote.$current.withValue(note) { try await next(request, context) }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        let path = String(request.uri.path.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        log("\(Timestamp.string(from: Date())) \(request.method.rawValue) \(path.prefix(200)) \(response.status.code) "
            + String(format: "%.1fms", milliseconds) + (note.account.map { " " + $0 } ?? ""))
        return response
    }
}

/// What the inner middleware tells the log about a request: who made it.
/// One request's task writes it before the log reads it, never at once.
final class RequestNote: @unchecked Sendable {
    @TaskLocal static var current: RequestNote?
    var account: String?
}
