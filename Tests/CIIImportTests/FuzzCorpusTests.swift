import CIICore
import CIITestSupport
import Testing

@testable import CIIImport

/// The CSV fuzzer's corpus, replayed with its checks: parsing only, no database.
struct FuzzCorpusTests {
    @Test func csvCorpus() throws {
        let importer = FollowUpImporter(
            fingerprinter: Fingerprinter(key: FingerprintKey.generate(epoch: .first)),
            window: .standard,
            maximumRejectedPercent: 5
        )
        let inputs = try FuzzCorpus.inputs("FuzzCSV")
        #expect(!inputs.isEmpty)
        for (name, bytes) in inputs {
            if let export = try? importer.parse(bytes, today: Day(year: 2025, month: 6, day: 15)!) {
                #expect(export.rejects.count <= export.rowsRead, "\(name)")
                #expect(export.followUps.count <= export.rowsRead, "\(name)")
            }
        }
    }
}
