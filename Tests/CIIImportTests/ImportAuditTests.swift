import CIICore
import CIIImport
import CIIStore
import Foundation
import Synchronization
import Testing

/// What an import hands to the audit log: the people it changed, by change, and never those it
/// left as they were; and no import without its audit.
@Suite("The audit of an import")
final class ImportAuditTests {
    let folder: String
    let store: NodeStore

    init() throws {
        folder = try Fixture.folder()
        store = try NodeStore(path: folder + "/node.sqlite")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func export(_ rows: [(AVSNumber, String, String, String)]) -> String {
        "N° AVS;Début du suivi;Dernier suivi;Conseiller\n" + rows.map { "\($0.0.formatted);\($0.1);\($0.2);\($0.3)" }.joined(separator: "\n") + "\n"
    }

    @Test("lists added, updated, amended and retracted people, not the unchanged ones")
    func changedPeopleOnly() throws {
        let importer = Fixture.importer()
        let (p1, p2, p3, p4, p5) = (Fixture.avs(1), Fixture.avs(2), Fixture.avs(3), Fixture.avs(4), Fixture.avs(5))
        let a = try Fixture.write(
            export([
                (p1, "01.01.2020", "01.01.2024", "c-1"), (p2, "01.01.2021", "", "c-1"), (p3, "01.01.2022", "01.03.2025", "c-1"),
                (p5, "01.01.2022", "01.03.2025", "c-1"),
            ]),
            to: "a.csv",
            in: folder
        )
        let seen = Mutex<[(ImportReport, SnapshotChanges)]>([])
        _ = try importer.importFile(at: a, into: store, today: Fixture.today) { report, changes in seen.withLock { $0.append((report, changes)) } }
        let b = try Fixture.write(
            export([
                (p2, "01.01.2021", "", "c-1"), (p3, "01.01.2022", "01.04.2025", "c-1"), (p4, "01.01.2023", "", "c-1"),
                (p5, "01.01.2022", "01.03.2025", "c-2"),
            ]),
            to: "b.csv",
            in: folder
        )
        let report = try importer.importFile(at: b, into: store, today: Fixture.today) { report, changes in
            seen.withLock { $0.append((report, changes)) }
        }
        let fingerprint = Fixture.fingerprinter.fingerprint
        let (first, second) = try seen.withLock { list in (try #require(list.first), try #require(list.last)) }
        #expect(Set(first.1.added) == [fingerprint(p1), fingerprint(p2), fingerprint(p3), fingerprint(p5)])
        #expect(first.1.updated.isEmpty && first.1.amended.isEmpty && first.1.retracted.isEmpty)
        #expect(second.0 == report)
        #expect(second.1.added == [fingerprint(p4)])
        #expect(second.1.updated == [fingerprint(p3)])
        #expect(second.1.amended == [fingerprint(p5)])
        #expect(second.1.retracted == [fingerprint(p1)])
        let listed = second.1.all.flatMap(\.fingerprints)
        #expect(!listed.contains(fingerprint(p2)), "an unchanged person is not listed")
    }

    @Test("an import whose audit cannot be written is not applied")
    func noImportWithoutItsAudit() throws {
        struct DiskFull: Error, CustomStringConvertible { var description: String { "No space left on device" } }
        let importer = Fixture.importer()
        let a = try Fixture.write(export([(Fixture.avs(1), "01.01.2020", "", "c-1")]), to: "a.csv", in: folder)
        let error = #expect(throws: ImportError.self) {
            try importer.importFile(at: a, into: store, today: Fixture.today) { _, _ in throw DiskFull() }
        }
        #expect(error?.code == .audit)
        #expect(error?.reason.contains("No space left on device") == true)
        #expect(try store.ownCount() == 0)
        #expect(try store.lastSequence() == 0)
    }
}
