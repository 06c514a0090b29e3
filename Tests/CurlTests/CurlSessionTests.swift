import Curl
import Dispatch
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import Synchronization
import Testing

/// A session keeps its connection: requests after the first open none.
@Suite struct CurlSessionTests {
    @Test func threeRequestsOnOneSessionShareOneConnection() async throws {
        let folder = NSTemporaryDirectory() + "ciid-curl-session-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ca = try TestCA(folder: folder, name: "federation-ca")
        let other = try TestCA(folder: folder, name: "other-ca")
        let (certificate, key) = try ca.issueServerCertificate("peer")

        try await Self.withServer(certificate: certificate, key: key) { port in
            let url = "https://localhost:\(port)/hello"
            let session = CurlSession()
            var opened: [Int] = []
            for index in 0..<3 {
                let response = try await Self.blocking {
                    try session.perform(CurlRequest(method: index == 1 ? "POST" : "GET", url: url, body: Array("x".utf8), caFile: ca.certificate))
                }
                #expect(response.status == 200)
                #expect(response.text == "hello")
                opened.append(response.newConnections)
            }
            #expect(opened == [1, 0, 0])
            // A request that trusts another CA does not ride on the verified connection.
            await #expect(throws: CurlError.self) {
                try await Self.blocking { try session.perform(CurlRequest(url: url, caFile: other.certificate, timeoutSeconds: 10)) }
            }
            // One-off transfers open a connection each.
            let single = try await Self.blocking { try Curl.perform(CurlRequest(url: url, caFile: ca.certificate)) }
            #expect(single.newConnections == 1)
        }
    }

    /// Runs `body` with the port of a Hummingbird HTTPS server answering `hello` on /hello, then stops it.
    static func withServer(certificate: String, key: String, _ body: @Sendable (Int) async throws -> Void) async throws {
        let router = Router()
        router.get("hello") { _, _ in "hello" }
        router.post("hello") { _, _ in "hello" }
        let tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
        )
        let port = BoundPort()
        let app = Application(
            router: router,
            server: try .tls(.http1(), tlsConfiguration: tls),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.value.withLock { $0 = channel.localAddress?.port } },
            logger: Logger(label: "curl-tests")
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            let deadline = ContinuousClock.now + .seconds(60)
            while port.value.withLock({ $0 }) == nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            let bound = try #require(port.value.withLock { $0 })
            defer { group.cancelAll() }
            try await body(bound)
        }
    }

    /// Runs a blocking libcurl call on a Dispatch thread, not on the cooperative pool.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}

/// The port a test server listens on, once it does.
final class BoundPort: Sendable {
    let value = Mutex<Int?>(nil)
}
