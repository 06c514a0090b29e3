import Foundation
import Sodium
import Synchronization
import Testing

@testable import CIIAudit

/// A clock the tests move.
final class AuditTestClock: Sendable {
    private let current: Mutex<Date>

    init(_ date: Date) { current = Mutex(date) }

    var now: @Sendable () -> Date { { [self] in current.withLock { $0 } } }

    func set(_ date: Date) { current.withLock { $0 = date } }
}

/// `2026-01-10T08:00:00Z` as a date.
func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

@Suite("AuditLog")
final class AuditLogTests: Sendable {
    let folder: URL
    let key = SecretBytes.random(count: 32)
    let clock = AuditTestClock(utc("2026-01-10T08:00:00Z"))

    init() throws {
        folder = URL(fileURLWithPath: NSTemporaryDirectory() + "ciid-audit-" + UUID().uuidString, isDirectory: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func makeLog(retentionDays: Int = 400) throws -> AuditLog {
        try AuditLog(directory: folder, key: key, retentionDays: retentionDays, now: clock.now)
    }

    func event(_ n: Int, at time: Date) -> AuditEvent {
        AuditEvent(time: time, kind: .check, actor: "account:\(n % 7)", details: ["fingerprint": String(repeating: "ab", count: 32), "n": String(n)])
    }

    /// Writes `perMonth` entries in each month (`2026-01`), in batches of 5; returns how many in all.
    @discardableResult
    func fill(_ log: AuditLog, months: [String], perMonth: Int = 20, from start: Int = 0) throws -> Int {
        var n = start
        for month in months {
            for first in stride(from: 0, to: perMonth, by: 5) {
                let time = utc("\(month)-10T08:00:00Z").addingTimeInterval(Double(first) * 60)
                clock.set(time)
                try log.append(
                    (0..<min(5, perMonth - first)).map { offset in
                        n += 1
                        return event(n, at: time.addingTimeInterval(Double(offset)))
                    }
                )
            }
        }
        return n - start
    }

    func path(_ month: String) -> String { folder.appendingPathComponent("audit-\(month).jsonl").path }

    func lines(_ month: String) throws -> [String] {
        try String(contentsOfFile: path(month), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    func rewrite(_ month: String, _ lines: [String]) throws {
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: path(month)))
    }

    func verify() -> AuditVerification { AuditLog.verify(directory: folder, key: key) }

    @Test func aChainAcrossMonthsVerifies() throws {
        let log = try makeLog()
        let count = try fill(log, months: ["2026-01", "2026-02", "2026-03"])
        let result = verify()
        #expect(result.isIntact, "\(result)")
        #expect(result.entries == count)
        #expect(result.files == ["audit-2026-01.jsonl", "audit-2026-02.jsonl", "audit-2026-03.jsonl"])
        #expect(result.firstSeq == 1 && result.lastSeq == Int64(count))
        #expect(result.anchor == nil)
        let last = try lines("2026-03").last!
        #expect(last.contains(#""mac":"\#(result.head!)"}"#))
        #expect(
            try lines("2026-01").first!.hasPrefix(
                #"{"seq":1,"time":"2026-01-10T08:00:00.000Z","kind":"check","actor":"account:1","subject":null,"outcome":"ok","#
                    + #""details":{"fingerprint":""#
            )
        )
        #expect(try lines("2026-01").first!.contains(#""prev":"\#(String(repeating: "0", count: 64))""#))
    }

    @Test func aChangedByteIsNamed() throws {
        let log = try makeLog()
        try fill(log, months: ["2026-01", "2026-02", "2026-03"])
        var february = try lines("2026-02")
        february[9] = february[9].replacingOccurrences(of: #""actor":"account:"#, with: #""actor":"accoun7:"#)
        try rewrite("2026-02", february)
        let failure = try #require(verify().failure)
        #expect(failure.file == "audit-2026-02.jsonl")
        #expect(failure.line == 10)
        #expect(failure.seq == 30)
        #expect(failure.reason.contains("MAC"))
    }

    @Test func aDeletedLineIsNamed() throws {
        let log = try makeLog()
        try fill(log, months: ["2026-01", "2026-02"])
        var january = try lines("2026-01")
        january.remove(at: 9)
        try rewrite("2026-01", january)
        let result = verify()
        let failure = try #require(result.failure)
        #expect(failure.file == "audit-2026-01.jsonl" && failure.line == 10 && failure.seq == 11)
        #expect(failure.reason.contains("entry 10 is missing"))
        #expect(result.entries == 9)
    }

    @Test func entriesCutOffTheEndAreFoundWithANotedHead() throws {
        let log = try makeLog()
        try fill(log, months: ["2026-01"], perMonth: 10)
        let noted = try #require(verify().head)
        try fill(log, months: ["2026-01"], perMonth: 5, from: 10)
        // The log grew: the noted entry is still there.
        #expect(AuditLog.verify(directory: folder, key: key, expectingHead: noted).notedHeadFound == true)
        #expect(AuditLog.verify(directory: folder, key: key, expectingHead: noted.uppercased()).notedHeadFound == true)
        // Cut the last seven lines: what is left is a valid chain, but the noted entry is gone.
        try rewrite("2026-01", Array(try lines("2026-01").dropLast(7)))
        let cut = AuditLog.verify(directory: folder, key: key, expectingHead: noted)
        #expect(cut.isIntact && cut.entries == 8)
        #expect(cut.notedHeadFound == false)
        #expect(verify().notedHeadFound == nil)
    }

    @Test func aDeletedMonthIsNamed() throws {
        let log = try makeLog()
        try fill(log, months: ["2026-01", "2026-02", "2026-03"])
        try FileManager.default.removeItem(atPath: path("2026-02"))
        let failure = try #require(verify().failure)
        #expect(failure.file == "audit-2026-03.jsonl" && failure.line == 1 && failure.seq == 41)
        #expect(failure.reason.contains("entries 21…40 are missing") && failure.reason.contains("1 monthly file is missing"))
    }

    @Test func reorderedLinesAreNamed() throws {
        let log = try makeLog()
        try fill(log, months: ["2026-01"])
        var january = try lines("2026-01")
        january.swapAt(9, 10)
        try rewrite("2026-01", january)
        let failure = try #require(verify().failure)
        #expect(failure.line == 10 && failure.seq == 11)
    }

    @Test func aReplacedEntryIsNamed() throws {
        // An entry re-signed with the key but not chained to its predecessor (the writer's bug or a key thief's).
        let log = try makeLog()
        try fill(log, months: ["2026-01"])
        var january = try lines("2026-01")
        var forged = AuditEntry(seq: 5, event: event(99, at: utc("2026-01-10T08:00:00Z")), prev: AuditEntry.genesis)
        let body = forged.body()
        forged.mac = AuditEntry.mac(of: body, key: key)
        var line: [UInt8] = []
        AuditEntry.appendLine(body: body, mac: forged.mac, to: &line)
        january[4] = String(decoding: line.dropLast(), as: UTF8.self)
        try rewrite("2026-01", january)
        let failure = try #require(verify().failure)
        #expect(failure.line == 5 && failure.seq == 5 && failure.reason.contains("prev"))
    }

    @Test func aBrokenLineIsNamed() throws {
        let log = try makeLog()
        try fill(log, months: ["2026-01"])
        var january = try lines("2026-01")
        january[2] = String(january[2].dropFirst())
        try rewrite("2026-01", january)
        let failure = try #require(verify().failure)
        #expect(failure.line == 3 && failure.seq == nil && failure.reason.contains("not a valid entry"))
    }

    @Test func purgeKeepsTheRetentionAndLeavesAnAnchor() throws {
        let log = try makeLog(retentionDays: 365)
        let months = (1...12).map { String(format: "2025-%02d", $0) } + ["2026-01", "2026-02", "2026-03"]
        try fill(log, months: months, perMonth: 10)
        clock.set(utc("2026-03-20T00:00:00Z"))
        let removed = try log.purgeExpired()
        #expect(removed == ["audit-2025-01.jsonl", "audit-2025-02.jsonl"])
        let result = verify()
        #expect(result.isIntact, "\(result)")
        #expect(result.anchor?.file == "audit-2025-03.jsonl" && result.anchor?.seq == 21)
        #expect(result.firstSeq == 21 && result.entries == 130)
        // Every entry younger than the retention is still there.
        let csv = try log.export(from: utc("2025-03-20T00:00:00Z"), to: utc("2026-03-21T00:00:00Z"))
        #expect(csv.split(separator: "\n").count == 1 + 120)
        // Appending goes on from the chain's end.
        try log.append([event(0, at: clock.now())])
        #expect(verify().lastSeq == 151)
    }

    @Test func purgeNeverDeletesTheNewestFile() throws {
        let log = try makeLog(retentionDays: 365)
        try fill(log, months: ["2025-01", "2025-02"], perMonth: 5)
        clock.set(utc("2030-01-01T00:00:00Z"))
        #expect(try log.purgeExpired() == ["audit-2025-01.jsonl"])
        let result = verify()
        #expect(result.isIntact && result.anchor?.seq == 6 && result.entries == 5)
        try log.append([event(0, at: clock.now())])
        let after = verify()
        #expect(after.isIntact && after.lastSeq == 11 && after.files == ["audit-2025-02.jsonl", "audit-2030-01.jsonl"])
    }

    @Test func aRetentionUnderAYearIsRefused() throws {
        #expect(throws: AuditError.self) { try self.makeLog(retentionDays: 364) }
        #expect(throws: AuditError.self) { try AuditLog(directory: self.folder, key: SecretBytes.random(count: 16)) }
        #expect(try makeLog(retentionDays: 365).retentionDays == 365)
    }

    @Test func twoWritersKeepOneChain() throws {
        let first = try makeLog()
        let second = try makeLog()
        for round in 0..<10 {
            try first.append([event(round, at: clock.now())])
            try second.append([event(round, at: clock.now()), event(round, at: clock.now())])
        }
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            let log = worker % 2 == 0 ? first : second
            for round in 0..<25 {
                do { try log.append([event(round, at: clock.now()), event(round, at: clock.now())]) } catch {
                    errors.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(errors.withLock { $0 }.isEmpty)
        let result = verify()
        #expect(result.isIntact, "\(result)")
        #expect(result.entries == 30 + 200)
    }

    @Test func anAppendFollowsANewerMonthAnotherWriterMade() throws {
        let log = try makeLog()
        try log.append([event(1, at: clock.now())])
        let ahead = AuditTestClock(utc("2026-02-01T00:00:01Z"))  // another process whose clock is in February already
        let other = try AuditLog(directory: folder, key: key, now: ahead.now)
        try other.append([event(2, at: ahead.now())])
        try log.append([event(3, at: clock.now())])  // still January here: the folder changed, so it lists it again
        #expect(try lines("2026-01").count == 1)
        #expect(try lines("2026-02").count == 2)
        let result = verify()
        #expect(result.isIntact, "\(result)")
        #expect(result.entries == 3)
    }

    @Test func aFileMovedAwayIsNotWrittenThroughTheDescriptorKeptOpen() throws {
        let log = try makeLog()
        try log.append([event(1, at: clock.now()), event(2, at: clock.now())])
        let moved = folder.appendingPathComponent("moved.jsonl").path
        try FileManager.default.moveItem(atPath: path("2026-01"), toPath: moved)
        try log.append([event(3, at: clock.now())])
        #expect(try String(contentsOfFile: moved, encoding: .utf8).split(separator: "\n").count == 2)
        #expect(try lines("2026-01").count == 1)
        #expect(try lines("2026-01")[0].hasPrefix(#"{"seq":1,"#))  // a new chain: the old file is gone from the folder
    }

    @Test func recordedEventsAreAllWritten() async throws {
        let writer = AuditWriter(log: try makeLog(), batchSize: 64)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for n in 0..<500 { writer.record(self.event(task * 1000 + n, at: self.clock.now())) }
                }
            }
        }
        try await writer.flush()
        #expect(writer.backlog == 0)
        let result = verify()
        #expect(result.isIntact && result.entries == 4000)
        let csv = try writer.log.export(from: .distantPast, to: .distantFuture)
        var seen = Set<String>()
        for row in csv.split(separator: "\n").dropFirst() { seen.insert(String(row.split(separator: "n=").last!)) }
        #expect(seen.count == 4000)
    }

    @Test func runWritesEverythingBeforeItStops() async throws {
        let writer = AuditWriter(log: try makeLog(), flushInterval: .seconds(3600), batchSize: 100)
        let running = Task { try await writer.run() }
        for n in 0..<1234 { writer.record(event(n, at: clock.now())) }
        running.cancel()
        try await running.value
        #expect(writer.backlog == 0)
        #expect(verify().entries == 1234)
    }

    @Test func exportGivesTheDaysAsked() throws {
        let log = try makeLog()
        clock.set(utc("2026-03-31T12:00:00Z"))
        try log.append([
            AuditEvent(time: utc("2026-03-01T09:00:00Z"), kind: .login, actor: "account:1", details: ["client": "127.0.0.1"]),
            AuditEvent(
                time: utc("2026-03-02T10:30:00Z"),
                kind: .accountChanged,
                actor: "cli",
                subject: "account:2",
                details: ["name": #"Dupont; "Jean""#, "role": "caseworker"]
            ),
            AuditEvent(time: utc("2026-03-03T00:00:00Z"), kind: .logout, actor: "account:1"),
            AuditEvent(time: utc("2026-03-03T00:00:00Z").addingTimeInterval(-0.0005), kind: .adminAction, actor: "=cmd", outcome: "ok"),
        ])
        let csv = try log.export(from: utc("2026-03-02T00:00:00Z"), to: utc("2026-03-03T00:00:00Z"))
        #expect(
            csv == """
                seq;time;kind;actor;subject;outcome;details
                2;2026-03-02T10:30:00.000Z;account_changed;cli;account:2;ok;"name=Dupont; ""Jean"", role=caseworker"
                4;2026-03-02T23:59:59.999Z;admin_action;'=cmd;;ok;

                """
        )
    }

    @Test func noValueCanAddALine() throws {
        let log = try makeLog()
        let sneaky = AuditEvent(
            time: clock.now(),
            kind: AuditKind(rawValue: "check\n"),
            actor: "account:1\n{\"seq\":99}",
            subject: "\u{0}\u{1b}\\\"",
            outcome: "ok\r\n",
            details: ["x\"y": "a\nb", "é": "\u{2028}\u{7f}"]
        )
        try log.append([sneaky, event(1, at: clock.now())])
        #expect(try lines("2026-01").count == 2)
        #expect(verify().isIntact)
        let entry = try AuditEntry.parse(Array(try lines("2026-01")[0].utf8)[...]).entry
        #expect(
            entry.event
                == AuditEvent(
                    time: sneaky.time,
                    kind: sneaky.kind,
                    actor: sneaky.actor,
                    subject: sneaky.subject,
                    outcome: sneaky.outcome,
                    details: ["x\"y": "a\nb", "é": "\u{2028}\u{7f}"]
                )
        )
        let csv = try log.export(from: .distantPast, to: .distantFuture)
        #expect(csv.contains(#""account:1"# + "\n" + #"{""seq"":99}""#))
    }

    @Test func secretsNeverReachTheFile() throws {
        let log = try makeLog()
        try log.append([
            AuditEvent(
                time: clock.now(),
                kind: .checkRefused,
                actor: "account:3",
                subject: "756.9217.0769.85",
                details: [
                    "input": "756 9217 0769 85 and 7569217076985", "password": "hunter2", "code": "123456", "totp_secret": "JBSWY3DP",
                    "fingerprint": "a7569217076985b7569217076985",
                ]
            )
        ])
        let text = try lines("2026-01")[0]
        let fields = String(text[..<text.range(of: #","prev":"#)!.lowerBound]).replacingOccurrences(of: "a7569217076985b7569217076985", with: "")
        for secret in ["9217", "hunter2", "123456", "JBSWY3DP"] {
            #expect(!fields.contains(secret), "\(secret)")
        }
        #expect(text.contains(#""subject":"756.****.****.**""#))
        #expect(text.contains(#""input":"756.****.****.** and 756.****.****.**""#))
        #expect(text.contains(#""fingerprint":"a7569217076985b7569217076985""#))
        #expect(text.contains(#""password":"[removed]","code":"[removed]","totp_secret":"[removed]""#))
    }

    @Test func secretDetailNamesAreRecognisedWhateverTheirCase() {
        let secret = [
            "password", "New_Password", "PASSWORD_HASH", "secret", "totp_secret", "ClientSecretId", "code", "Login_Code", "otp", "pin",
            "key", "api_key", "token", "session_token", "avs", "AVS_number", "avsn", "nss", "ahv", "ahvn13",
        ]
        let plain = ["fingerprint", "matches", "window", "reason", "account", "codes_sent", "keyboard", "pinned", "tokens", "navs", ""]
        for name in secret { #expect(AuditRedaction.isSecret(key: name), "\(name)") }
        for name in plain { #expect(!AuditRedaction.isSecret(key: name), "\(name)") }
    }

    @Test func anotherKeyIsRefused() throws {
        try fill(try makeLog(), months: ["2026-01"], perMonth: 3)
        let other = try AuditLog(directory: folder, key: SecretBytes.random(count: 32), now: clock.now)
        #expect(throws: AuditError.self) { try other.append([self.event(1, at: self.clock.now())]) }
        #expect(!AuditLog.verify(directory: folder, key: SecretBytes.random(count: 32)).isIntact)
    }

    @Test func anInterruptedLineIsRemovedByTheNextAppend() throws {
        let log = try makeLog()
        try fill(log, months: ["2026-01"], perMonth: 3)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path("2026-01")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"seq":4,"time":"2026-01-1"#.utf8))
        try handle.close()
        let torn = verify()
        #expect(torn.isIntact && torn.warnings.count == 1 && torn.entries == 3)
        try makeLog().append([event(4, at: clock.now())])
        let result = verify()
        #expect(result.isIntact && result.warnings.isEmpty && result.lastSeq == 4)
    }

    @Test func theKeyFileIsMadeOnceAndPrivate() throws {
        let path = folder.appendingPathComponent("keys/audit.key").path
        let first = try AuditKey.loadOrCreate(at: path)
        let second = try AuditKey.loadOrCreate(at: path)
        #expect(first.copyBytes() == second.copyBytes() && first.count == 32)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test func timesRoundTrip() {
        for text in ["1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z", "1969-12-31T23:59:59.999Z", "2026-11-23T10:00:00.123Z"] {
            let milliseconds = AuditTime.parse(Array(text.utf8))
            #expect(milliseconds.map(AuditTime.string) == text)
        }
        #expect(AuditTime.parse(Array("2026-11-23T10:00:00.000Z".utf8)) == AuditTime.milliseconds(utc("2026-11-23T10:00:00Z")))
        #expect(AuditTime.parse(Array("2026-02-30T00:00:00.000Z".utf8)) == nil)
        #expect(AuditFiles.name(month: AuditTime.month(AuditTime.milliseconds(utc("2026-11-23T10:00:00Z")))) == "audit-2026-11.jsonl")
        #expect(
            AuditFiles.month(ofName: "audit-2026-11.jsonl").map { AuditTime.start(ofMonth: $0) }
                == AuditTime.milliseconds(utc("2026-11-01T00:00:00Z"))
        )
    }
}
