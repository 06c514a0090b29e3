import CIICore
import CIIImport
import CIIStore
import Foundation
import FuzzDriver

/// A fixed importer: the key is random per process, which only changes the fingerprints.
let importer = FollowUpImporter(
    fingerprinter: Fingerprinter(key: FingerprintKey.generate(epoch: .first)),
    window: .standard,
    maximumRejectedPercent: 5
)
/// 15 June 2025, as in the import tests.
let today = Day(year: 2025, month: 6, day: 15)!

/// libFuzzer entry point: parses the input as a CSV export (encoding, dialect, header, rows), as
/// `ciid import` does before it touches the database.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    if let export = try? importer.parse(bytes, today: today) {
        precondition(export.rejects.count <= export.rowsRead, "more rejects than rows")
        precondition(export.followUps.count <= export.rowsRead, "more follow-ups than rows")
    }
    return 0
}

/// The entry point: libFuzzer's driver with ``fuzzCSV(_:_:)``.
@main
enum FuzzCSVMain {
    static func main() {
        exit(ciid_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzCSV))
    }
}
