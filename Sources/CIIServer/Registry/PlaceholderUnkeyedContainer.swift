import CIICore
import CIIRegistry

/// The unkeyed container of ``PlaceholderDecoder``: an empty list.
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
