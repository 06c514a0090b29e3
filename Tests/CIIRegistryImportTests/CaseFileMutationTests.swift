import CIICore
import CIIImport
import CIIRegistryImport
import Testing

/// Thousands of damaged copies of a valid file (bytes replaced, inserted or removed, seeded): the
/// reader never traps, and neither its errors nor the rejects ever hold an AVS number.
struct CaseFileMutationTests {
    typealias F = CaseFileFixture

    /// SplitMix64: the same damage on every run.
    struct Draw {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test func damagedFilesNeverLeakAnAVSNumber() {
        let rows = (1...5).map { F.row(F.avs(100 + $0), [14: "Texte; avec \"guillemets\"\net ligne", 21: "01.04.2025", 22: "other"]) }
        let original = Array(F.csv(F.frenchHeader, rows).utf8)
        let interesting: [UInt8] = Array(";,\t\"\n\r|.-0123456789 Ab".utf8) + [0xE9, 0xC3, 0x00, 0xFF]
        var draw = Draw(state: 2025)
        var parsed = 0
        for _ in 0..<3_000 {
            var bytes = original
            for _ in 0..<(1 + draw.next(4)) {
                let at = draw.next(bytes.count)
                switch draw.next(3) {
                case 0: bytes[at] = interesting[draw.next(interesting.count)]
                case 1: bytes.insert(interesting[draw.next(interesting.count)], at: at)
                default: bytes.remove(at: at)
                }
            }
            do {
                let file = try RegistryCaseFile(bytes: bytes, today: F.today)
                parsed += 1
                let text = RejectsFile.text(file.rejects(.en) + file.rejects(.fr) + file.rejects(.de))
                #expect(!F.holdsLongNumber(text), "\(text)")
            } catch {
                #expect(!F.holdsLongNumber(error.reason), "\(error.reason)")
            }
        }
        #expect(parsed > 1_000, "most damaged files still have a header")
    }
}
