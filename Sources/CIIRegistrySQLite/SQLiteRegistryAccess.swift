import CIICore
import CIIRegistry
import Foundation
import GRDB

/// The registry's reads and writes on SQLite: on reader connections (committed data) for
/// ``SQLiteRegistryStore/read(_:)``, on the writer connection inside the open transaction for
/// ``SQLiteRegistryStore/transaction(_:)``.
final class SQLiteRegistryAccess: RegistryTransaction {
    let store: SQLiteRegistryStore
    let writing: Bool

    init(store: SQLiteRegistryStore, writing: Bool) {
        self.store = store
        self.writing = writing
    }

    var key: RegistryKey { store.key }

    /// Runs `body` on the right connection.
    func db<T>(_ body: (Database) throws -> T) throws -> T {
        writing ? try store.pool.writeWithoutTransaction(body) : try store.pool.read(body)
    }

    /// Runs a write: refused on a read access (a programming error).
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard writing else { throw RegistryError(.unavailable, "a registry write outside a transaction") }
        return try store.pool.writeWithoutTransaction(body)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// JSON text of a value.
    func json(_ value: some Encodable) throws -> String {
        String(decoding: try Self.encoder.encode(value), as: UTF8.self)
    }

    /// A value from JSON text.
    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// A value sealed as JSON for `binding`.
    func seal(_ value: some Encodable, _ binding: String) throws -> Data {
        Data(key.seal(Array(try Self.encoder.encode(value)), binding: binding))
    }

    /// A value opened from JSON sealed for `binding`.
    func open<T: Decodable>(_ type: T.Type, _ sealed: Data, _ binding: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(try key.open(Array(sealed), binding: binding)))
    }

    /// The enum value of a column holding a code.
    func code<T: RawRepresentable>(_ type: T.Type, _ row: Row, _ column: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: row[column]) else {
            throw RegistryError(.unavailable, "the registry database holds an unknown \(column) code: restore it from a backup")
        }
        return value
    }
}
