// lawcat's JSON shows every key: an absent value is `null`, never a missing
// key, so that a script can read `.due` without asking whether it is there.
// Swift's synthesised Encodable leaves nil keys out; a property marked
// @Nullable is written as null instead. One rule, instead of an encode(to:)
// written out by hand for each type.

/// An optional that is encoded as `null` when nil, keeping its key.
@propertyWrapper
public struct Nullable<Value> {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }
}

extension Nullable: Encodable where Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension Nullable: Decodable where Value: Decodable {
    /// Reads `null` (or a NULL column) as nil, so a record can be read from a row by its Decodable conformance.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }
}

extension Nullable: Equatable where Value: Equatable {}
extension Nullable: Hashable where Value: Hashable {}
extension Nullable: Sendable where Value: Sendable {}
