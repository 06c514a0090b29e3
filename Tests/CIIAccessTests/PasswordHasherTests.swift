import Foundation
import Sodium
import Synchronization
import Testing

@testable import CIIAccess

#if canImport(Glibc)
import Glibc
#endif

/// Argon2id runs on the hasher's own threads, with a bounded queue.
@Suite("Password hasher")
struct PasswordHasherTests {
    @Test("hashes and verifies on its own threads, at a lower priority")
    func ownThreads() async throws {
        let hasher = PasswordHasher(threads: 1, queueLimit: 4)
        let hash = try await hasher.hash("un long chemin vers Sion")
        #expect(try await hasher.verify("un long chemin vers Sion", against: hash))
        #expect(try await hasher.verify("un autre", against: hash) == false)
        #expect(hasher.completed == 3)
        // The hashing threads are nicer than the task pool's.
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        let nice = try await hasher.run { getpriority(which, 0) }
        #expect(nice > getpriority(which, 0))
    }

    @Test("a full queue refuses at once with a time to come back")
    func fullQueue() async throws {
        let hasher = PasswordHasher(threads: 1, queueLimit: 1)
        let gate = DispatchSemaphore(value: 0)
        // One job holds the thread, one waits: the queue is full.
        let first = Task { try await hasher.run { gate.wait() } }
        let second = Task { try await hasher.run { () } }
        let deadline = ContinuousClock.now + .seconds(10)
        while hasher.inFlight < 2, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(hasher.inFlight == 2)
        await #expect(throws: HashingBusy(retryAfter: hasher.retryAfter)) { _ = try await hasher.verify("x", against: AccessControl.decoyHash) }
        #expect(hasher.retryAfter >= 1)
        gate.signal()
        try await first.value
        try await second.value
        #expect(try await hasher.verify("x", against: AccessControl.decoyHash) == false)
    }
}
