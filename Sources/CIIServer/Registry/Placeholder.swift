import CIICore
import CIIRegistry

/// Values that stand in for a field that did not decode, so that decoding goes on to the next
/// field and finds its problems too (``FieldProblems``). Never used for a request that is then
/// served: a body with a problem is refused.
enum Placeholder {
    /// A value of `type`: its first case, a fixed day or amount, nil, or what the type decodes from
    /// empty containers and zero values.
    /// - Throws: when the type decodes from nothing of the kind (then the search stops there).
    static func value<T: Decodable>(_ type: T.Type) throws -> T {
        if let cases = T.self as? any CaseIterable.Type, let first = firstCase(cases) as? T { return first }
        if let day = Day(daysSince1970: 0) as? T { return day }
        if let money = Money(centimes: 0) as? T { return money }
        if let optional = T.self as? any ExpressibleByNilLiteral.Type, let none = optional.init(nilLiteral: ()) as? T { return none }
        return try T(from: PlaceholderDecoder())
    }

    static func firstCase<C: CaseIterable>(_ type: C.Type) -> Any? { type.allCases.first }
}

/// A decoder of nothing: every key absent or null, every number zero, every string and list empty.
struct PlaceholderDecoder: Decoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(PlaceholderKeyedContainer<Key>())
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { PlaceholderUnkeyedContainer() }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { PlaceholderSingleValueContainer() }
}

struct PlaceholderKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }
    func contains(_ key: Key) -> Bool { false }
    func decodeNil(forKey key: Key) throws -> Bool { true }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { false }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { "" }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { 0 }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { 0 }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { 0 }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { 0 }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { 0 }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { 0 }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { 0 }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { 0 }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { 0 }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { 0 }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { 0 }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { 0 }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try Placeholder.value(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(PlaceholderKeyedContainer<NestedKey>())
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { PlaceholderUnkeyedContainer() }
    func superDecoder() throws -> any Decoder { PlaceholderDecoder() }
    func superDecoder(forKey key: Key) throws -> any Decoder { PlaceholderDecoder() }
}

struct PlaceholderUnkeyedContainer: UnkeyedDecodingContainer {
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 0 }
    var isAtEnd: Bool { true }
    var currentIndex: Int { 0 }

    mutating func decodeNil() throws -> Bool { true }

    mutating func decode(_ type: Bool.Type) throws -> Bool { throw Self.empty(type) }
    mutating func decode(_ type: String.Type) throws -> String { throw Self.empty(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { throw Self.empty(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { throw Self.empty(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { throw Self.empty(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { throw Self.empty(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { throw Self.empty(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { throw Self.empty(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { throw Self.empty(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { throw Self.empty(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { throw Self.empty(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { throw Self.empty(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { throw Self.empty(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { throw Self.empty(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { throw Self.empty(type) }

    static func empty(_ type: Any.Type) -> DecodingError {
        DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "a placeholder list is empty"))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(PlaceholderKeyedContainer<NestedKey>())
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { PlaceholderUnkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { PlaceholderDecoder() }
}

struct PlaceholderSingleValueContainer: SingleValueDecodingContainer {
    var codingPath: [any CodingKey] { [] }
    func decodeNil() -> Bool { true }
    func decode(_ type: Bool.Type) throws -> Bool { false }
    func decode(_ type: String.Type) throws -> String { "" }
    func decode(_ type: Double.Type) throws -> Double { 0 }
    func decode(_ type: Float.Type) throws -> Float { 0 }
    func decode(_ type: Int.Type) throws -> Int { 0 }
    func decode(_ type: Int8.Type) throws -> Int8 { 0 }
    func decode(_ type: Int16.Type) throws -> Int16 { 0 }
    func decode(_ type: Int32.Type) throws -> Int32 { 0 }
    func decode(_ type: Int64.Type) throws -> Int64 { 0 }
    func decode(_ type: UInt.Type) throws -> UInt { 0 }
    func decode(_ type: UInt8.Type) throws -> UInt8 { 0 }
    func decode(_ type: UInt16.Type) throws -> UInt16 { 0 }
    func decode(_ type: UInt32.Type) throws -> UInt32 { 0 }
    func decode(_ type: UInt64.Type) throws -> UInt64 { 0 }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try Placeholder.value(type) }
}
