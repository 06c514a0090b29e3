import CIICore
import Foundation

/// Decodes a JSON object's fields one by one with the API's own decoder.
struct FieldDecoder: Decoder {
    let object: [String: Any]
    let path: String?
    let collector: ProblemCollector

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(FieldContainer<Key>(object: object, path: path, collector: collector))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw Self.notAnObject }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw Self.notAnObject }

    static var notAnObject: DecodingError {
        DecodingError.typeMismatch([String: Any].self, .init(codingPath: [], debugDescription: "not read as an object"))
    }
}
