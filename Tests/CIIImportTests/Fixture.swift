import CIICore
import CIIImport
import CIIStore
import Foundation
import Testing

/// Shared material of the import tests: a key, a fixed today, AVS numbers, temporary folders.
enum Fixture {
    static let key = FingerprintKey.generate(epoch: .first)
    static let fingerprinter = Fingerprinter(key: key)
    /// 15 June 2025: the window's cutoff is 15 June 2022.
    static let today = Day(year: 2025, month: 6, day: 15)!
    static let known = try! AVSNumber("756.9217.0769.85")

    static func importer(maximumRejectedPercent: Int = 50) -> FollowUpImporter {
        FollowUpImporter(fingerprinter: fingerprinter, window: .standard, maximumRejectedPercent: maximumRejectedPercent)
    }

    /// The `index`-th synthetic AVS number.
    static func avs(_ index: Int) -> AVSNumber { AVSNumber(completing: 756_0000_0000_0 + UInt64(index)) }

    static func day(_ text: String) -> Day { Day(parsing: text)! }

    static func parse(_ text: String, maximumRejectedPercent: Int = 50) throws -> ParsedExport {
        try importer(maximumRejectedPercent: maximumRejectedPercent).parse(Array(text.utf8), today: today)
    }

    static func followUp(_ export: ParsedExport, _ avs: AVSNumber) -> OwnFollowUp? {
        let fingerprint = fingerprinter.fingerprint(avs)
        return export.followUps.first { $0.fingerprint == fingerprint }
    }

    /// A fresh folder under the temporary directory.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ciid-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to `name` in `folder` and returns the path.
    @discardableResult
    static func write(_ text: String, to name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Tells whether `text` holds ten digits or more in a row once dots and spaces are removed,
    /// which no masked AVS number does.
    static func holdsLongNumber(_ text: String) -> Bool {
        var run = 0
        for character in text where character != "." && character != " " {
            run = character.isASCII && character.isNumber ? run + 1 : 0
            if run >= 10 { return true }
        }
        return false
    }
}
