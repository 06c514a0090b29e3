import CIICore

/// One replica entry as the in-memory index holds it: 24 bytes.
///
/// The key is the fingerprint's first 16 bytes (`hi` is bytes 0–7 read big-endian, `lo` bytes
/// 8–15), so that numeric order is SQLite's byte order and the scan of the replica comes sorted.
/// 128 bits tell 5 million people apart (one collision in about 10^26 replicas).
struct IndexEntry: Sendable, Equatable {
    var hi: UInt64
    var lo: UInt64
    /// The last follow-up, days since 1970; ``removed`` in a delta marks a retraction.
    var day: Int32
    /// The slot of the origin and dispositif in ``ReplicaSnapshot/origins``.
    var origin: UInt16
    private var padding: UInt16 = 0

    /// The day of a retraction in a delta: it hides the base's entry of the same key and origin.
    static let removed = Int32.min

    init(hi: UInt64, lo: UInt64, day: Int32, origin: UInt16) {
        self.hi = hi
        self.lo = lo
        self.day = day
        self.origin = origin
    }

    init(_ fingerprint: Fingerprint, day: Int32, origin: UInt16) {
        let key = IndexKey(fingerprint)
        self.init(hi: key.hi, lo: key.lo, day: day, origin: origin)
    }

    var key: IndexKey { IndexKey(hi: hi, lo: lo) }

    var isRemoval: Bool { day == Self.removed }

    /// Index order: key, then origin slot.
    @inline(__always)
    static func precedes(_ a: IndexEntry, _ b: IndexEntry) -> Bool {
        if a.hi != b.hi { return a.hi < b.hi }
        if a.lo != b.lo { return a.lo < b.lo }
        return a.origin < b.origin
    }

    @inline(__always)
    static func sameSlot(_ a: IndexEntry, _ b: IndexEntry) -> Bool {
        a.hi == b.hi && a.lo == b.lo && a.origin == b.origin
    }
}
