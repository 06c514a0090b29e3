import CIIAccess
import CIICore
import CIIServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing

/// Logins cannot starve checks: Argon2id runs on threads of its own, not on the task pool that
/// answers checks. The one test here that asserts wall-clock times, because issue 11 asks it to.
@Suite struct LoginLoadTests {
    let base = ServerTests()

    /// The 99th percentile of `samples`.
    static func p99(_ samples: [Duration]) -> Duration {
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
    }

    @Test func checksKeepTheirPaceWhileAnonymousLoginsHammer() async throws {
        var settings = AccessSettings()
        settings.tokenChecksPerMinute = 1_000_000
        settings.tokenChecksPerDay = 1_000_000
        // No delays: every one of the hammering logins costs an Argon2id verification.
        let (server, token) = try base.makeServerWithToken(settings: settings, sleep: { _ in })
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        let body = "{\"avs\": \"\(base.known.formatted)\"}"
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let checker = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60)))
            checker.connect()
            func checks(_ count: Int) async throws -> [Duration] {
                var samples: [Duration] = []
                for _ in 0..<count {
                    let started = ContinuousClock.now
                    let response = try await checker.execute(
                        .init(
                            "/api/v1/checks",
                            method: .post,
                            authority: "localhost",
                            headers: [.contentType: "application/json", .authorization: "Bearer \(token)"],
                            body: ByteBuffer(string: body)
                        )
                    )
                    samples.append(ContinuousClock.now - started)
                    #expect(response.head.status == .ok)
                }
                return samples
            }
            /// `body`, while 6 clients send anonymous logins as fast as they are answered.
            func underLogins(_ state: HammerState, _ body: () async throws -> [Duration]) async throws -> [Duration] {
                let hashesBefore = server.access.hasher.completed
                state.stop.store(false, ordering: .relaxed)
                return try await withThrowingTaskGroup(of: Void.self) { group in
                    for worker in 0..<6 {
                        group.addTask {
                            let hammer = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60)))
                            hammer.connect()
                            let csrf = String(repeating: "c", count: 43)
                            while !state.stop.load(ordering: .relaxed) {
                                let round = state.logins.add(1, ordering: .relaxed).newValue
                                let response = try await hammer.execute(
                                    .init(
                                        "/login",
                                        method: .post,
                                        authority: "localhost",
                                        headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "__Host-ciid-csrf=\(csrf)"],
                                        body: ByteBuffer(string: "csrf=\(csrf)&email=guess\(worker)-\(round)%40orp.test&password=x")
                                    )
                                )
                                #expect(response.head.status == .unauthorized)
                            }
                            try await hammer.shutdown()
                        }
                    }
                    // The hammer is under way once the hashing thread has worked for a while.
                    let deadline = ContinuousClock.now + .seconds(60)
                    while server.access.hasher.completed < hashesBefore + 5, ContinuousClock.now < deadline {
                        try await Task.sleep(for: .milliseconds(10))
                    }
                    let samples = try await body()
                    state.stop.store(true, ordering: .relaxed)
                    try await group.waitForAll()
                    return samples
                }
            }
            _ = try await checks(30)  // warm-up
            // Idle and loaded in turns, so that a slow spell of the machine weighs on both alike.
            let state = HammerState()
            var idle: [Duration] = []
            var loaded: [Duration] = []
            for _ in 0..<5 {
                idle += try await checks(100)
                loaded += try await underLogins(state) { try await checks(100) }
            }
            try await checker.shutdown()
            let idleP99 = max(Self.p99(idle), .milliseconds(2))
            let loadedP99 = Self.p99(loaded)
            #expect(state.logins.load(ordering: .relaxed) >= 10, "the logins did not hammer")
            #expect(loadedP99 <= idleP99 * 3, "check p99 \(loadedP99) under logins, \(Self.p99(idle)) idle (floored at 2 ms)")
            print("check p99: idle \(Self.p99(idle)), under \(state.logins.load(ordering: .relaxed)) logins \(loadedP99)")
        }
    }
}

/// Shared by the hammering tasks: when to stop, and how many logins they sent.
final class HammerState: Sendable {
    let stop = Atomic<Bool>(false)
    let logins = Atomic<Int>(0)
}
