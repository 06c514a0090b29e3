import Foundation
import Logging
import Sodium
import Synchronization
import Testing

@testable import CIIAudit

/// What the writer told its observer.
final class RecordingObserver: AuditObserver {
    struct Counts {
        var queued = 0
        var writable = true
        var writeFailures = 0
        var dropped = 0
        var refused = 0
    }
    let counts = Mutex(Counts())
    var now: Counts { counts.withLock { $0 } }
    func queueChanged(_ events: Int) { counts.withLock { $0.queued = events } }
    func writableChanged(_ writable: Bool) { counts.withLock { $0.writable = writable } }
    func writeFailed() { counts.withLock { $0.writeFailures += 1 } }
    func eventDropped() { counts.withLock { $0.dropped += 1 } }
    func readRefused() { counts.withLock { $0.refused += 1 } }
}

@Suite("AuditWriter")
struct AuditWriterTests {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory() + "ciid-audit-writer-" + UUID().uuidString, isDirectory: true)
    let key = SecretBytes.random(count: 32)

    func event(_ n: Int) -> AuditEvent {
        AuditEvent(kind: .check, actor: "account:\(n)", details: ["fingerprint": String(repeating: "ab", count: 32)])
    }

    func lines(_ file: String) -> Int {
        ((try? String(contentsOfFile: folder.appending(path: file).path, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    /// A read returns only once its entry is in the file, without waiting for the interval; with
    /// the disk full (the month's file is `/dev/full`) it is refused, nothing is answered, and the
    /// writer says so once (status file, observer); other events wait up to the bound, then are
    /// dropped; once the disk takes writes again, everything waiting is written and reads go on.
    @Test func readsWaitForTheirEntryAndAreRefusedWhileTheDiskIsFull() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = Date(timeIntervalSince1970: 1_768_032_000)  // 2026-01-10T08:00:00Z
        let log = try AuditLog(directory: folder, key: key, now: { clock })
        let observer = RecordingObserver()
        let writer = AuditWriter(log: log, flushInterval: .seconds(3600), queueLimit: 10, observer: observer)
        let running = Task { try await writer.run() }
        defer { running.cancel() }
        let file = "audit-2026-01.jsonl"

        // The interval is an hour: returning at once shows that a waiting read is written at once.
        try await writer.commit(event(1))
        #expect(lines(file) == 1)
        #expect(AuditStateFile(directory: folder).read()?.running == true)

        // The disk refuses writes.
        let path = folder.appending(path: file).path
        try FileManager.default.moveItem(atPath: path, toPath: path + ".aside")
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/full")
        await #expect(throws: AuditError.self) { try await writer.commit(event(2)) }
        let failing = writer.status
        #expect(failing.failure?.reason.contains("No space left on device") == true, "\(failing)")
        #expect(AuditStateFile(directory: folder).read()?.description.hasPrefix("CANNOT WRITE since") == true)
        #expect(observer.now.writable == false)
        #expect(observer.now.refused == 1)
        #expect(observer.now.writeFailures >= 1)

        // Other events wait in memory up to the bound; then they are dropped and reads refused at once.
        for n in 10..<25 { writer.record(event(n)) }
        #expect(writer.backlog == 10)
        #expect(observer.now.dropped == 5)
        #expect(writer.status.queueFullSince != nil)
        await #expect(throws: AuditError.self) { try await writer.commit(event(3)) }
        #expect(observer.now.refused == 2)

        // The disk takes writes again: the writer recovers by itself.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: path + ".aside", toPath: path)
        var answered = false
        for _ in 0..<200 where !answered {
            do {
                try await writer.commit(event(4))
                answered = true
            } catch {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        #expect(answered)
        #expect(writer.status.isHealthy, "\(writer.status)")
        #expect(observer.now.writable == true)
        #expect(AuditStateFile(directory: folder).read()?.description.hasPrefix("writable") == true)
        // The first read, the ten kept events and the last read; never the refused reads.
        #expect(lines(file) == 12)
        let verified = log.verify()
        #expect(verified.isIntact && verified.entries == 12, "\(verified)")
        let actors = try log.export(from: .distantPast, to: .distantFuture).split(separator: "\n").map { $0.split(separator: ";")[3] }
        #expect(!actors.contains("account:2") && !actors.contains("account:3"))
    }
}
