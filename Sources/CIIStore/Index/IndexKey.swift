import CIICore

/// The first 16 bytes of a fingerprint as two words whose numeric order is the bytes' order.
struct IndexKey: Sendable, Hashable, Comparable {
    var hi: UInt64
    var lo: UInt64

    init(hi: UInt64, lo: UInt64) {
        self.hi = hi
        self.lo = lo
    }

    /// The key of `fingerprint` (its words 2 and 3 play no part).
    @inline(__always)
    init(_ fingerprint: Fingerprint) {
        hi = UInt64(bigEndian: fingerprint.words.0)
        lo = UInt64(bigEndian: fingerprint.words.1)
    }

    @inline(__always)
    static func < (a: IndexKey, b: IndexKey) -> Bool {
        a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo
    }
}
