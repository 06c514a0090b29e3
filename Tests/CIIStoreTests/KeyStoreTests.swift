import CIICore
import CIIStore
import Foundation
import Sodium
import Testing

@Suite struct KeyStoreTests {
    func permissions(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    @Test func identityKeysAreWrittenPrivateAndNeverOverwritten() throws {
        let f = try StoreFixture()
        let directory = NodeDirectory(root: f.folder + "/node")
        let identity = try NodeIdentity.create(in: directory)
        #expect(try permissions(directory.signingKey) == 0o600)
        #expect(try permissions(directory.boxKey) == 0o600)
        #expect(try permissions(directory.keys) == 0o700)
        let loaded = try NodeIdentity.load(from: directory)
        #expect(loaded.signing.publicKey == identity.signing.publicKey)
        #expect(loaded.box.publicKey == identity.box.publicKey)
        #expect(throws: StoreError.self) { try NodeIdentity.create(in: directory) }
        #expect(try NodeIdentity.load(from: directory).signing.publicKey == identity.signing.publicKey)
    }

    @Test func aKeyFileReadableByOthersIsRefused() throws {
        let f = try StoreFixture()
        let directory = NodeDirectory(root: f.folder + "/node")
        _ = try NodeIdentity.create(in: directory)
        chmod(directory.signingKey, 0o644)
        do {
            _ = try NodeIdentity.load(from: directory)
            Issue.record("loaded a world-readable key")
        } catch {
            #expect(error.code == .refused)
            #expect(error.reason.contains("chmod 600"))
        }
    }

    @Test func federationKeysAreKeptPerEpochAndExportedPrivately() throws {
        let f = try StoreFixture()
        let directory = NodeDirectory(root: f.folder + "/node")
        try SecureFile.makeDirectory(directory.keys)
        let store = FederationKeyStore(directory: directory)
        #expect(try store.keys().isEmpty)
        let first = FingerprintKey.generate(epoch: .first)
        try store.add(first)
        try store.add(first)  // idempotent
        try store.add(.generate(epoch: Epoch(2)!))
        #expect(try store.keys().map(\.epoch.number) == [2, 1])
        #expect(try permissions(directory.federationKeys) == 0o600)
        #expect(throws: StoreError.self) { try store.add(.generate(epoch: .first)) }
        // A retired epoch's key goes; the others stay, still private.
        #expect(try store.remove(.first))
        #expect(try store.keys().map(\.epoch.number) == [2])
        #expect(try !store.remove(.first))
        #expect(try permissions(directory.federationKeys) == 0o600)
        try store.add(first)

        let exported = f.folder + "/epoch1.key"
        try FederationKeyStore.writeKeyFile(first, to: exported)
        #expect(try permissions(exported) == 0o600)
        let read = try FederationKeyStore.readKeyFile(exported)
        #expect(read.keyID == first.keyID)
        #expect(Fingerprinter(key: read).fingerprint(f.avs(1)) == Fingerprinter(key: first).fingerprint(f.avs(1)))
        #expect(throws: StoreError.self) { try FederationKeyStore.writeKeyFile(first, to: exported) }
        let text = String(decoding: try SecureFile.read(exported), as: UTF8.self)
        #expect(text.contains("ciid-federation-key-v1"))
    }

    @Test func aKeyFileOfAnotherKindIsRefusedClearly() throws {
        let f = try StoreFixture()
        let path = f.folder + "/bad.key"
        try SecureFile.write(Array("{\"hello\": 1}".utf8), to: path)
        do {
            _ = try FederationKeyStore.readKeyFile(path)
            Issue.record("accepted a file that is not a key")
        } catch {
            #expect(error.code == .corrupt)
            #expect(error.reason.contains("ciid-federation-key-v1"))
        }
    }
}
