import CIICore
import Foundation

/// A synthetic CSV export of an institution's follow-ups, as the importer reads them.
public enum ExportFile {
    /// Writes `rows` rows to `path`: header `n° AVS;début du suivi;dernier suivi;collaborateur`,
    /// one person per row (persons `0..<rows`), dates `dd.mm.yyyy` within the three years before `today`.
    public static func write(rows: Int, to path: String, today: Day) throws {
        var text = "n° AVS;début du suivi;dernier suivi;collaborateur\n"
        text.reserveCapacity(rows * 56)
        for index in 0..<rows {
            let last = today.adding(days: -((index &* 7919) % 1000))
            let start = last.adding(days: -((index &* 104_729) % 700))
            text += "\(BenchData.avs(index).formatted);\(start.swiss);\(last.swiss);C. Collaborateur \(index % 40)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
