// One line a request: when, who (by account name), what, the answer and how
// long it took. Never a password, token, cookie or query string (a search
// can name a client matter).
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
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        let path = String(request.uri.path.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        log("\(Timestamp.nowForLog()) \(request.method.rawValue) \(path.prefix(200)) \(response.status.code) "
            + String(format: "%.1fms", milliseconds))
        return response
    }
}

enum Timestamp {
    static func nowForLog() -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date())
    }
}
