import Curl
import Foundation
import Testing

/// With a `caFile`, the client trusts exactly that file: a server whose CA is in the system's
/// store (where a public CA or an inspection proxy's CA would be) is refused. Without one, the
/// system's store is used.
@Suite(.serialized) struct CATrustTests {
    /// Where Debian's libcurl looks up CAs by subject hash (`--with-ca-path`, its CURLOPT_CAPATH default).
    static let systemCAFolder = "/etc/ssl/certs"

    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: systemCAFolder), "needs to write \(systemCAFolder) (root)"))
    func aServerFromACAOfTheSystemStoreIsRefusedWhenAnotherCAIsGiven() throws {
        let folder = NSTemporaryDirectory() + "ciid-curl-ca-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let system = try TestCA(folder: folder, name: "system-ca")
        let federation = try TestCA(folder: folder, name: "federation-ca")
        let server = try system.issueServerCertificate("impostor")

        let installed = try Self.install(system)
        defer { try? FileManager.default.removeItem(atPath: installed) }
        let tls = try OpenSSLServer(certificate: server.certificate, key: server.key)
        defer { tls.stop() }
        let url = "https://localhost:\(tls.port)/"

        // The CA really is in the system store: without a CA file, the server is accepted.
        let trusted = try Curl.perform(HTTPRequest(url: url, timeoutSeconds: 10))
        #expect(trusted.status == 200)
        // With the federation CA, it is refused, by a one-off handle and by a session alike.
        let refusal = #expect(throws: CurlError.self) { try Curl.perform(HTTPRequest(url: url, caFile: federation.certificate, timeoutSeconds: 10)) }
        #expect(refusal?.code == 60, "expected CURLE_PEER_FAILED_VERIFICATION: \(String(describing: refusal))")
        let session = CurlSession()
        #expect(throws: CurlError.self) { try session.perform(HTTPRequest(url: url, caFile: federation.certificate, timeoutSeconds: 10)) }
        // Given the server's own CA as the file, it is accepted: the refusal was about trust.
        #expect(try session.perform(HTTPRequest(url: url, caFile: system.certificate, timeoutSeconds: 10)).status == 200)
    }

    /// Copies `ca` into the system CA folder as `<subject hash>.<n>`, the name OpenSSL looks it up by.
    /// - Returns: the file written, for the caller to remove.
    static func install(_ ca: TestCA) throws -> String {
        let hash = try ca.subjectHash()
        let path = (0..<10).map { "\(systemCAFolder)/\(hash).\($0)" }.first { !FileManager.default.fileExists(atPath: $0) }
        guard let path else { throw TestFailure("\(systemCAFolder) has ten files for the hash \(hash)") }
        try FileManager.default.copyItem(atPath: ca.certificate, toPath: path)
        return path
    }
}
