import CIICore
import CIIFederation
import CIIServer
import Curl
import Dispatch
import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import Synchronization
import Testing

/// The node's HTTPS listener: TLS 1.2 only with ECDHE and AEAD suites, and the client
/// certificate readable from a request handler.
@Suite struct ServerTLSTests {
    let folder = NSTemporaryDirectory() + "ciid-server-tls-" + UUID().uuidString

    /// A CA, and a certificate it issued for localhost (also good for client authentication), as files.
    func makeCertificates() throws -> (ca: String, certificate: String, key: String) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ca = try CertificateAuthority.make(name: "test CA")
        let (certificate, key) = try ca.issueServerCertificate(commonName: "orp-vs", hosts: ["localhost", "127.0.0.1"])
        try ca.caCertificatePEM.write(toFile: folder + "/ca.crt", atomically: true, encoding: .utf8)
        try certificate.write(toFile: folder + "/node.crt", atomically: true, encoding: .utf8)
        try key.write(toFile: folder + "/node.key", atomically: true, encoding: .utf8)
        return (folder + "/ca.crt", folder + "/node.crt", folder + "/node.key")
    }

    @Test func theNodeOffersOnlyECDHEWithAEADSuitesInTLS12() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try makeCertificates()
        let base = ServerTests()
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        let server = try base.makeServer()
        let tls = try ServerTLS.configuration(certificate: files.certificate, key: files.key)
        let port = BoundPort()
        let app = try server.makeApplication(tls: tls, port: 0, logger: Logger(label: "test")) { bound in port.set(bound) }
        try await port.serving(app) { port in
            for cbc in ["ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA", "ECDHE-ECDSA-AES128-SHA256", "ECDHE-ECDSA-AES256-SHA384"] {
                let (status, output) = try await Self.handshake(port: port, arguments: ["-tls1_2", "-cipher", cbc])
                #expect(status != 0, "\(cbc) was accepted: \(output)")
            }
            for aead in ["ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305"] {
                let (status, output) = try await Self.handshake(port: port, arguments: ["-tls1_2", "-cipher", aead])
                #expect(status == 0, "\(aead) was refused: \(output)")
                #expect(output.contains(aead))
            }
            let (old, _) = try await Self.handshake(port: port, arguments: ["-tls1_1", "-cipher", "ALL:@SECLEVEL=0"])
            #expect(old != 0, "TLS 1.1 was accepted")
            let (modern, output) = try await Self.handshake(port: port, arguments: ["-tls1_3"])
            #expect(modern == 0, "TLS 1.3 was refused: \(output)")
        }
    }

    @Test func aHandlerReadsTheClientCertificate() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try makeCertificates()
        let router = Router(context: ChannelRequestContext.self)
        router.get("whoami") { _, context -> String in
            guard let der = try await ClientCertificate.der(on: context.channel) else { return "none" }
            return Data(der).base64EncodedString()
        }
        var tls = try ServerTLS.configuration(certificate: files.certificate, key: files.key)
        tls.certificateVerification = .noHostnameVerification
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(files.ca))
        let verified = Verifications()
        let port = BoundPort()
        let app = Application(
            router: router,
            server: try .guardedTLS(
                configuration: TLSChannelConfiguration(
                    tlsConfiguration: tls,
                    customVerificationCallback: { certificates, promise in
                        verified.count()
                        promise.succeed(certificates.isEmpty ? .failed : .certificateVerified)
                    }
                ),
                guard: ConnectionGuard()
            ),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.set(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "test")
        )
        try await port.serving(app) { port in
            let response = try await Self.blocking {
                try Curl.perform(
                    CurlRequest(url: "https://localhost:\(port)/whoami", caFile: files.ca, clientCertificate: (files.certificate, files.key))
                )
            }
            let expected = try NIOSSLCertificate.fromPEMFile(files.certificate)[0].toDERBytes()
            #expect(response.status == 200)
            #expect(response.text == Data(expected).base64EncodedString())
            #expect(verified.total == 1, "the custom verification callback runs once per handshake")
        }
    }

    /// `openssl s_client` to 127.0.0.1:`port` with `arguments`, stdin closed: its status (0 when
    /// the handshake succeeded) and output.
    static func handshake(port: Int, arguments: [String]) async throws -> (Int32, String) {
        try await blocking {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            process.arguments = ["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost"] + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let pid = process.processIdentifier
            let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
            DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: watchdog)
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            watchdog.cancel()
            return (process.terminationStatus, text)
        }
    }

    /// Runs blocking work on a Dispatch thread, not on the cooperative pool.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}

/// A request context that keeps the connection's channel, for ``ClientCertificate``.
struct ChannelRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}

/// How often a custom verification callback ran.
final class Verifications: Sendable {
    private let calls = Mutex(0)
    func count() { calls.withLock { $0 += 1 } }
    var total: Int { calls.withLock { $0 } }
}

/// The port a test server listens on, once it does.
final class BoundPort: Sendable {
    private let port = Mutex<Int?>(nil)

    func set(_ value: Int) { port.withLock { $0 = value } }

    /// Runs `app` while `body` runs with its port (waiting at most 60 s for it to listen), then stops it.
    func serving(_ app: some ApplicationProtocol, _ body: @Sendable (Int) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            defer { group.cancelAll() }
            let deadline = ContinuousClock.now + .seconds(60)
            while port.withLock({ $0 }) == nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            try await body(try #require(port.withLock { $0 }))
        }
    }
}
