import CIICore
import Foundation

/// The keyed container of ``FieldDecoder``: each field decoded alone, its problem recorded.
struct FieldContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: [String: Any]
    let path: String?
    let collector: ProblemCollector

    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { object.keys.compactMap(Key.init(stringValue:)) }
    func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }
    func decodeNil(forKey key: Key) throws -> Bool { object[key.stringValue] is NSNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(type, key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(type, key) }

    /// The field decoded alone, or its problem recorded and a placeholder.
    func value<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        let field = path.map { "\($0).\(key.stringValue)" } ?? key.stringValue
        guard let raw = object[key.stringValue] else {
            collector.problems.append(
                .init(field: field, code: "required", message: LocalizedText(fr: "Champ obligatoire.", de: "Pflichtfeld.", en: "Required field."))
            )
            return try Placeholder.value(type)
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: ["v": raw], options: [.fragmentsAllowed])
            return try RegistryJSON.decoder.decode(WrappedField<T>.self, from: data).v
        } catch let error as DecodingError {
            collector.problems += RegistryJSON.problem(error, path: field, skipping: 1).problems
            return try Placeholder.value(type)
        }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw FieldDecoder.notAnObject
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw FieldDecoder.notAnObject }
    func superDecoder() throws -> any Decoder { throw FieldDecoder.notAnObject }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw FieldDecoder.notAnObject }
}
