public import CIICore
import Foundation
import Sodium

/// The federation keys a node holds, one per epoch, in `keys/federation.json` (0600).
///
/// The file is JSON: `{"format": "ciid-federation-keys-v1", "keys": [{"epoch": 1, "key": "<base64>", "width": 16}]}`.
/// `width` (the epoch's fingerprint width in bytes) is absent for epochs of 32-byte fingerprints,
/// as in files written before issue 15.
/// A single exported key (`ciid keys export`, or a key file handed out by the coordinator
/// before the federation protocol exists) has the form `{"format": "ciid-federation-key-v1", "epoch": 1, "key": "<base64>"}`.
public struct FederationKeyStore: Sendable {
    /// The file.
    public let path: String

    /// The store of the node at `directory`.
    public init(directory: NodeDirectory) {
        self.path = directory.federationKeys
    }

    struct StoredKey: Codable {
        var format: String?
        var epoch: UInt32
        var key: String
        var width: Int?
    }

    struct StoredFile: Codable {
        var format: String
        var keys: [StoredKey]
    }

    /// The keys, newest epoch first; empty when the node has none yet.
    public func keys() throws(StoreError) -> [FingerprintKey] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        var bytes = try SecureFile.readSecret(path)
        defer { Sodium.wipe(&bytes) }
        guard let file = try? JSONDecoder().decode(StoredFile.self, from: Data(bytes)) else {
            throw StoreError(.corrupt, "\(path) is not a ciid federation key store")
        }
        var keys: [FingerprintKey] = []
        for stored in file.keys { keys.append(try Self.key(from: stored, source: path)) }
        return keys.sorted { $0.epoch > $1.epoch }
    }

    /// Adds `key`. Adding the same key again changes nothing.
    /// - Throws: ``StoreError`` when the store holds another key for the same epoch.
    public func add(_ key: FingerprintKey) throws(StoreError) {
        var keys = try keys()
        if let existing = keys.first(where: { $0.epoch == key.epoch }) {
            guard existing.keyID == key.keyID else {
                throw StoreError(.refused, "this node already holds another key for \(key.epoch) (id \(existing.keyID)); nothing was changed")
            }
            return
        }
        keys.append(key)
        let file = StoredFile(format: "ciid-federation-keys-v1", keys: keys.map(Self.stored))
        try SecureFile.write(Self.encode(file), to: path)
    }

    /// Removes the key of `epoch` (a retired epoch): the file is rewritten without it.
    /// - Returns: true when the store held that key.
    @discardableResult
    public func remove(_ epoch: Epoch) throws(StoreError) -> Bool {
        let keys = try keys()
        guard keys.contains(where: { $0.epoch == epoch }) else { return false }
        let file = StoredFile(format: "ciid-federation-keys-v1", keys: keys.filter { $0.epoch != epoch }.map(Self.stored))
        try SecureFile.write(Self.encode(file), to: path)
        return true
    }

    /// Reads a single-key file (`ciid keys export`).
    public static func readKeyFile(_ path: String) throws(StoreError) -> FingerprintKey {
        var bytes = try SecureFile.readSecret(path)
        defer { Sodium.wipe(&bytes) }
        guard let stored = try? JSONDecoder().decode(StoredKey.self, from: Data(bytes)), stored.format == "ciid-federation-key-v1" else {
            throw StoreError(
                .corrupt,
                "\(path) is not a ciid federation key file (expected {\"format\": \"ciid-federation-key-v1\", \"epoch\": …, \"key\": …})"
            )
        }
        return try key(from: stored, source: path)
    }

    /// Writes `key` to a single-key file with mode 0600, refusing to overwrite.
    public static func writeKeyFile(_ key: FingerprintKey, to path: String) throws(StoreError) {
        var stored = Self.stored(key)
        stored.format = "ciid-federation-key-v1"
        try SecureFile.write(encode(stored), to: path, overwrite: false)
    }

    private static func key(from stored: StoredKey, source: String) throws(StoreError) -> FingerprintKey {
        guard let epoch = Epoch(stored.epoch), var bytes = Data(base64Encoded: stored.key).map(Array.init) else {
            throw StoreError(.corrupt, "\(source) holds a key with a bad epoch or encoding")
        }
        defer { Sodium.wipe(&bytes) }
        do {
            return try FingerprintKey(epoch: epoch, secret: SecretBytes(bytes), width: stored.width ?? Fingerprint.byteCount)
        } catch {
            throw StoreError(.corrupt, "\(source): \(error.reason)")
        }
    }

    private static func stored(_ key: FingerprintKey) -> StoredKey {
        StoredKey(
            epoch: key.epoch.number,
            key: Data(key.secret.copyBytes()).base64EncodedString(),
            width: key.width == Fingerprint.byteCount ? nil : key.width
        )
    }

    private static func encode(_ value: some Encodable) throws(StoreError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(value) else { throw StoreError(.writeFailed, "cannot encode the key store") }
        return [UInt8](data)
    }
}
