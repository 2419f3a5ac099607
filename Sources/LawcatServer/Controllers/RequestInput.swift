// Reading what a client sent: query parameters (forms send + for a space),
// path parameters, and JSON or form bodies, each refused in one line when it
// cannot be read, never trusted to be UTF-8 or small.
import Foundation
import HTTPTypes
import Hummingbird

enum RequestInput {
    /// The query's parameters, the first of each name winning; odd bytes are a 400.
    static func query(_ request: Request) throws -> [String: String] {
        try form(request.uri.query ?? "", what: "the query")
    }

    /// `application/x-www-form-urlencoded` text as a dictionary.
    static func form(_ text: String, what: String) throws -> [String: String] {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw ServerFailure.badRequest("\(what) is not valid URL encoding (or not UTF-8); encode it again")
            }
            guard !value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) else {
                throw ServerFailure.badRequest("\(what) has control characters in '\(name)'; leave them out")
            }
            if values[name] == nil { values[name] = value }
        }
        return values
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// A path parameter, percent-decoded.
    static func parameter(_ name: String, _ context: LawcatContext) throws -> String {
        guard let raw = context.parameters.get(name), let value = raw.removingPercentEncoding, !value.isEmpty,
            !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw ServerFailure.badRequest("the \(name) in the path is not valid; give it as the label shows it")
        }
        return value
    }

    /// A whole number from the query, within `range`.
    static func number(_ name: String, in query: [String: String], range: ClosedRange<Int>) throws -> Int? {
        guard let text = query[name] else { return nil }
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            throw ServerFailure.badRequest(
                "give \(name) as a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text.prefix(40))'")
        }
        return number
    }

    /// The body, at most `maximumBodySize` bytes (413 past it).
    static func body(_ request: Request) async throws -> Data {
        var data = Data()
        for try await chunk in request.body {
            guard data.count + chunk.readableBytes <= maximumBodySize else {
                throw ServerFailure(
                    status: .contentTooLarge, message: "the request body is over \(maximumBodySize / 1024) KiB; send less")
            }
            data.append(contentsOf: chunk.readableBytesView)
        }
        return data
    }

    /// A JSON object body as `T`; an empty body is `{}`.
    static func json<T: Decodable>(_ request: Request, as type: T.Type) async throws -> T {
        var data = try await body(request)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { data = Data("{}".utf8) }
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            throw ServerFailure.badRequest("the request body is not a JSON object; send one such as {\"borrower\": \"Jane Smith\"}")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch DecodingError.typeMismatch(_, let place), DecodingError.valueNotFound(_, let place) {
            let field = place.codingPath.map(\.stringValue).joined(separator: ".")
            throw ServerFailure.badRequest("'\(field)' has the wrong type; see /api/v1/openapi.json")
        }
    }
}
