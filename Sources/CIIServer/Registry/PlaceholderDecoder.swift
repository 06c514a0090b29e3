import CIICore
import CIIRegistry

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
