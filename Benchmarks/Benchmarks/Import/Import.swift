import BenchSupport
import Benchmark
import CIICore
import CIIImport
import CIIStore
import Foundation

/// `Import`: `FollowUpImporter.importFile(at:into:today:)` of a 100,000-row CSV export
/// (parse, validate, fingerprint, apply as a snapshot with its change log) into a fresh node
/// database, and the re-import of the same file into a database that already holds it (nothing
/// changes). Beside them, the ceiling: the rows the fresh import writes (its own follow-ups, one
/// change-log entry each and the import's history row), inserted through SQLite's C API into the
/// same tables of a fresh node database, in one transaction, one prepared statement per table
/// (``RawImportInsert``). The time to create the empty database is not measured in any of them.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(6),
        maxIterations: 8
    )

    let rows = 100_000
    let fixture = Holder<(folder: String, csv: String, importer: FollowUpImporter, today: Day)>()
    let setup: @Sendable () async throws -> Void = {
        let folder = try BenchData.temporaryFolder("import")
        let today = Day.today()
        try ExportFile.write(rows: rows, to: "\(folder)/suivis.csv", today: today)
        let importer = FollowUpImporter(
            fingerprinter: Fingerprinter(key: .generate(epoch: .first)),
            window: .standard,
            maximumRejectedPercent: 5
        )
        fixture.value = (folder, "\(folder)/suivis.csv", importer, today)
    }
    let teardown: @Sendable () async throws -> Void = { fixture.value.map { BenchData.remove($0.folder) } }

    Benchmark("Import 100k rows, fresh store", configuration: .init(setup: setup, teardown: teardown)) { benchmark in
        let value = fixture.value!
        let path = "\(value.folder)/fresh-\(benchmark.currentIteration).sqlite"
        let store = try NodeStore(path: path)
        benchmark.startMeasurement()
        let report = try value.importer.importFile(at: value.csv, into: store, today: value.today)
        benchmark.stopMeasurement()
        precondition(report.accepted == rows && report.upserted == rows, "the import should take every row: \(report)")
        BenchData.remove(path)
        BenchData.remove(path + "-wal")
        BenchData.remove(path + "-shm")
    }

    let again = Holder<NodeStore>()
    Benchmark(
        "Re-import 100k rows, unchanged",
        configuration: .init(
            setup: {
                try await setup()
                let value = fixture.value!
                let store = try NodeStore(path: "\(value.folder)/again.sqlite")
                _ = try value.importer.importFile(at: value.csv, into: store, today: value.today)
                again.value = store
            },
            teardown: teardown
        )
    ) { benchmark in
        let value = fixture.value!
        let report = try value.importer.importFile(at: value.csv, into: again.value!, today: value.today)
        precondition(report.unchanged == rows && report.upserted == 0, "a re-import should change nothing: \(report)")
    }

    let ceilingRows = Holder<[OwnFollowUp]>()
    Benchmark(
        "Ceiling: raw inserts of the import's rows, 100k",
        configuration: .init(
            setup: {
                try await setup()
                let value = fixture.value!
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: value.csv)))
                let parsed = try value.importer.parse(bytes, today: value.today)
                precondition(parsed.followUps.count == rows, "the export should give one follow-up per row")
                ceilingRows.value = RawImportInsert.sorted(parsed.followUps)
            },
            teardown: teardown
        )
    ) { benchmark in
        let path = "\(fixture.value!.folder)/raw-\(benchmark.currentIteration).sqlite"
        let db = try RawImportInsert.create(path: path)
        benchmark.startMeasurement()
        RawImportInsert.run(db, rows: ceilingRows.value!, recordedAt: Int64(Date().timeIntervalSince1970))
        benchmark.stopMeasurement()
        BenchData.remove(path)
        BenchData.remove(path + "-wal")
        BenchData.remove(path + "-shm")
    }
}

/// State made by a benchmark's setup, read by its iterations (one thread at a time).
final class Holder<Value>: @unchecked Sendable {
    var value: Value?
}
