import CIICore
import Sodium
import Testing

@Suite struct FingerprintTests {
    let avs = try! AVSNumber("756.9217.0769.85")

    @Test func matchesAnIndependentBlake2bImplementation() throws {
        // Python: hashlib.blake2b(b"7569217076985", key=bytes(range(32)), person=b"ciid.avs.fp.v1\0\0", digest_size=32)
        let key = try FingerprintKey(epoch: .first, secret: SecretBytes(Array(0..<32)))
        let fingerprint = Fingerprinter(key: key).fingerprint(avs)
        #expect(fingerprint.hex == "9133bfec280447993834d840a0f597fffdd6f5d2797c6eb0ee613797d2ddf46b")
    }

    @Test func aSixteenByteEpochKeepsTheFirstHalfOfTheDigest() throws {
        // The same vector under a 16-byte epoch (issue 15): the digest's first 16 bytes, zero tail in memory.
        let key = try FingerprintKey(epoch: Epoch(2)!, secret: SecretBytes(Array(0..<32)), width: 16)
        let fingerprint = Fingerprinter(key: key).fingerprint(avs)
        #expect(fingerprint.bytes == Array(hex: "9133bfec280447993834d840a0f597ff"))
        #expect(fingerprint.isCompact && fingerprint.width == 16)
        #expect(fingerprint.hex == "9133bfec280447993834d840a0f597ff" + String(repeating: "0", count: 32))
        #expect(Fingerprint(hex: fingerprint.hex) == fingerprint)
    }

    @Test func isStableForOneKeyAndWrittenForm() throws {
        let fingerprinter = Fingerprinter(key: .generate(epoch: .first))
        let a = fingerprinter.fingerprint(avs)
        #expect(a == fingerprinter.fingerprint(try AVSNumber("7569217076985")))
        #expect(a == fingerprinter.fingerprint(try AVSNumber("756 9217 0769 85")))
        #expect(a != fingerprinter.fingerprint(AVSNumber(completing: 756_921_707_699)))
    }

    @Test func epochsAndKeysSeparateFingerprints() throws {
        let bytes = Array(0..<32).map { UInt8($0) }
        let first = Fingerprinter(key: try FingerprintKey(epoch: .first, secret: SecretBytes(bytes)))
        let second = Fingerprinter(key: try FingerprintKey(epoch: Epoch(2)!, secret: SecretBytes(bytes.reversed())))
        #expect(first.fingerprint(avs) != second.fingerprint(avs))
        #expect(first.epoch == .first)
        #expect(second.epoch.number == 2)
        let other = Fingerprinter(key: .generate(epoch: .first))
        #expect(first.fingerprint(avs) != other.fingerprint(avs))
    }

    @Test func roundTripsThroughBytesAndHex() throws {
        let fingerprint = Fingerprinter(key: .generate(epoch: .first)).fingerprint(avs)
        #expect(Fingerprint(bytes: fingerprint.bytes) == fingerprint)
        #expect(Fingerprint(hex: fingerprint.hex) == fingerprint)
        #expect(Fingerprint(hex: fingerprint.hex.uppercased()) == fingerprint)
        #expect(Fingerprint(hex: "zz") == nil)
        #expect(Fingerprint(bytes: [1, 2, 3]) == nil)
    }

    @Test func keysNeverPrintTheirBytes() throws {
        let key = try FingerprintKey(epoch: .first, secret: SecretBytes([UInt8](repeating: 0xAB, count: 32)))
        #expect(!"\(key)".lowercased().contains("abab"))
        #expect("\(key)".contains("epoch 1"))
        #expect(key.keyID.count == 16)
        #expect(throws: FingerprintKeyError.self) { try FingerprintKey(epoch: .first, secret: SecretBytes([1, 2])) }
    }
}

extension Array where Element == UInt8 {
    fileprivate init(hex: String) {
        let digits = Array(hex.utf8)
        self = stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }
}

@Suite struct FingerprintOrderTests {
    @Test func ordersLikeTheirBytes() {
        let fingerprinter = Fingerprinter(key: .generate(epoch: .first))
        let prints = (0..<500).map { fingerprinter.fingerprint(AVSNumber(completing: 756_700_000_000 + UInt64($0))) }
        for (a, b) in zip(prints, prints.dropFirst()) {
            #expect((a < b) == a.bytes.lexicographicallyPrecedes(b.bytes))
        }
        #expect(prints.sorted().map(\.bytes) == prints.map(\.bytes).sorted { $0.lexicographicallyPrecedes($1) })
    }
}
