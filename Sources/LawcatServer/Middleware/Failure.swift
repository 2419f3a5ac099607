// Every failure becomes a 4xx (or, for what no client caused, a 5xx) answer
// in the caller's language: `{"error": "..."}` under /api/, a page elsewhere.
// The API's sentence is the CLI's (CatalogueError.message); a page's names the
// page's controls where the CLI names a command (`Wording.browser`). No SQLite
// message, SQL text or Swift type name reaches a client.
import Catalogue
import Foundation
import HTTPTypes
import Hummingbird

/// A refusal the server makes itself (a bad parameter, a missing sign-in).
struct ServerFailure: Error {
    var status: HTTPResponse.Status
    var message: String
    var headers: HTTPFields = [:]

    static func badRequest(_ message: String) -> ServerFailure { .init(status: .badRequest, message: message) }
    static func unprocessable(_ message: String) -> ServerFailure { .init(status: .unprocessableContent, message: message) }
}

extension CatalogueError {
    /// 404 for what is not there, 409 for what the copy's state refuses,
    /// 422 for a value that cannot be used, 503 when the catalogue cannot be reached.
    var httpStatus: HTTPResponse.Status {
        switch self {
        case .bookNotFound, .copyNotFound, .stocktakeNotFound, .accountNotFound, .fileNotFound:
            return .notFound
        case .refused, .barcodeTaken, .bookHasCopies, .alreadyExists, .accountExists, .personExists:
            return .conflict
        case .invalidField, .nothingToChange, .notOneCopy, .personNotFound, .unknownPerson, .invalidImport,
            .invalidFile, .unknownStocktakeLocation, .locationNotFound, .noScans, .notExportable:
            return .unprocessableContent
        case .noCatalogue, .notACatalogue, .notABackup, .newerCatalogue, .upgradeRefused, .cannotOpen, .cannotWrite, .busy:
            return .serviceUnavailable
        case .unexpected:
            return .internalServerError
        }
    }
}

struct FailureMiddleware: RouterMiddleware {
    typealias Context = LawcatContext
    /// The API's routes: a path it has, asked with another method, is 405.
    let api: APIMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            var caller = context.caller
            var error = error
            if let failure = error as? CallerFailure {
                caller = failure.caller
                error = failure.error
            }
            let api = request.uri.path.hasPrefix("/api/")
            var (status, message, headers) = Self.describe(error, wording: api ? .commandLine : .browser)
            if api {
                if let failure = error as? HTTPError, failure.status == .notFound {
                    let allowed = self.api.allowed(at: request.uri.path)
                    if !allowed.isEmpty && !allowed.contains(request.method.rawValue) {
                        status = .methodNotAllowed
                        message = "this route takes \(allowed.joined(separator: " or ")), not \(request.method.rawValue); see /api/v1/openapi.json"
                        headers = [.allow: allowed.joined(separator: ", ")]
                    }
                }
                return JSONAnswer.error(status, message, headers: headers)
            }
            var response = Page.response(
                Page.layout(title: status.reasonPhrase, caller: caller, body: Page.failure(status, message)),
                status: status)
            response.headers.append(contentsOf: headers)
            return response
        }
    }

    static func describe(_ error: any Error, wording: Wording) -> (HTTPResponse.Status, String, HTTPFields) {
        switch error {
        case let failure as ServerFailure:
            return (failure.status, failure.message, failure.headers)
        case let failure as CatalogueError:
            return (failure.httpStatus, failure.message(wording), [:])
        case let failure as HTTPError:
            switch failure.status {
            case .notFound:
                return (.notFound, "nothing is here; see /api/v1/openapi.json for the API, or / for the catalogue", [:])
            case .contentTooLarge:
                return (.contentTooLarge, "the request body is over \(maximumBodySize / 1024) KiB; send less", [:])
            default:
                return (failure.status, failure.body ?? failure.status.reasonPhrase.lowercased(), [:])
            }
        case is DecodingError:
            return (.badRequest, "the request body is not the JSON this route takes; see /api/v1/openapi.json", [:])
        default:
            return (.internalServerError, "unexpected problem; the server's log may say more", [:])
        }
    }
}

/// JSON answers, through the one encoder the CLI's `--json` uses.
enum JSONAnswer {
    static func ok<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        ok(data: try CatalogueJSON.data(value), status: status)
    }

    /// JSON that CatalogueJSON has already made.
    static func ok(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) -> Response {
        var response = (try? ok(["error": message], status: status))
            ?? Response(status: status, body: .init(byteBuffer: ByteBuffer(string: "{\"error\": \"unexpected problem\"}\n")))
        response.headers.append(contentsOf: headers)
        return response
    }
}
