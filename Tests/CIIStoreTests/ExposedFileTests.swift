import CIIStore
import Foundation
import Testing

/// `ciid status` names private files and folders others can reach, and public ones others can change.
@Suite("Exposed files")
struct ExposedFileTests {
    /// The header of a PEM private key, assembled here so that no committed file looks like one.
    static let privateKeyMarker = "-----BEGIN " + "PRIVATE KEY-----"

    @Test("private files and folders must be the owner's alone; certificates, public keys and the manifest may be read")
    func exposedFiles() throws {
        let root = NSTemporaryDirectory() + "ciid-exposed-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = NodeDirectory(root: root)
        try SecureFile.makeDirectory(directory.keys)
        try SecureFile.makeDirectory(directory.tls)
        try SecureFile.makeDirectory("\(directory.federation)/peers")
        let files: [(String, String, UInt32)] = [
            ("node.sqlite", "", 0o600),
            ("ciid.conf", "", 0o640),
            ("keys/signing.key", "", 0o600),
            ("keys/signing.pub", "key", 0o644),
            ("tls/ca.crt", "-----BEGIN CERTIFICATE-----", 0o644),
            ("tls/node.crt", "-----BEGIN CERTIFICATE-----", 0o666),
            ("tls/bundle.pem", Self.privateKeyMarker, 0o644),
            ("federation/manifest.json", "{}", 0o644),
            ("federation/members.json", "[]", 0o644),
            ("federation/peers/cms-vs.pem", "-----BEGIN CERTIFICATE-----", 0o644),
        ]
        for (path, text, mode) in files { try SecureFile.write(Array(text.utf8), to: "\(root)/\(path)", mode: mode) }
        #expect(chmod(directory.tls, 0o755) == 0)
        let exposed = ExposedFile.all(under: directory)
        #expect(exposed.map(\.path) == ["ciid.conf", "federation/members.json", "tls", "tls/bundle.pem", "tls/node.crt"].map { "\(root)/\($0)" })
        #expect(exposed.first?.advice.contains("run `chmod 600 \(root)/ciid.conf`") == true)
        #expect(exposed.last?.advice.contains("run `chmod 644 \(root)/tls/node.crt`") == true)
        #expect(exposed.first { $0.isFolder }?.advice.contains("chmod 700") == true)
    }
}
