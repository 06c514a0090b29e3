/// The keyed BLAKE2b-256 of an AVS number under one epoch's federation key.
///
/// 32 bytes held inline (no allocation), compared and hashed as four words.
///
/// Epochs made since issue 15 have 16-byte (128-bit) fingerprints: the digest truncated to its
/// first 16 bytes. In memory such a fingerprint is the same four words with words 2 and 3 zero
/// (``isCompact``), so comparing, hashing and indexing on words 0–1 work for both widths; it is
/// stored and sent as its 16 bytes only (``width``). A 32-byte digest whose last 16 bytes are all
/// zero (odds 2^-128) would be taken for a 16-byte one; nothing else is ambiguous.
public struct Fingerprint: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The digest as four little-endian 64-bit words (bytes 0–7, 8–15, 16–23, 24–31).
    public var words: (UInt64, UInt64, UInt64, UInt64)

    /// Length of a full (32-byte) fingerprint in bytes, and of ``withUnsafeBytes(_:)``'s buffer.
    public static let byteCount = 32

    /// Length of a compact fingerprint (of an epoch made since issue 15) in bytes.
    public static let compactByteCount = 16

    /// Whether this is a 16-byte fingerprint (words 2 and 3 zero).
    @inlinable
    public var isCompact: Bool { words.2 == 0 && words.3 == 0 }

    /// The bytes it is stored and sent as: 16 for a compact fingerprint, else 32.
    @inlinable
    public var width: Int { isCompact ? Self.compactByteCount : Self.byteCount }

    /// This fingerprint truncated to its first 16 bytes (words 2 and 3 zeroed).
    @inlinable
    public var truncated: Fingerprint { Fingerprint(words: (words.0, words.1, 0, 0)) }

    /// Creates a fingerprint from its four words.
    public init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// Creates a fingerprint from 32 bytes, or from the 16 bytes of a compact one; `nil` for any other length.
    ///
    /// Inlinable, and a single copy for contiguous bytes: replication decodes a fingerprint per
    /// change, and an unspecialised generic loop over the bytes cost more than all the rest of it.
    @inlinable
    public init?(bytes: some Collection<UInt8>) {
        let count = bytes.count
        guard count == Self.byteCount || count == Self.compactByteCount else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let copied = bytes.withContiguousStorageIfAvailable { source in
            Swift.withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(source)) }
        }
        if copied == nil {
            Swift.withUnsafeMutableBytes(of: &words) { buffer in
                var index = 0
                for byte in bytes {
                    buffer[index] = byte
                    index += 1
                }
            }
        }
        self.words = words
    }

    /// Creates a fingerprint from 64 lowercase or uppercase hexadecimal digits; `nil` otherwise.
    public init?(hex: some StringProtocol) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 64 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in 0..<32 {
            guard let high = Self.nibble(utf8[2 * index]), let low = Self.nibble(utf8[2 * index + 1]) else { return nil }
            bytes[index] = high << 4 | low
        }
        self.init(bytes: bytes)
    }

    /// The bytes it is stored and sent as (``width`` of them: 16 or 32).
    public var bytes: [UInt8] {
        Swift.withUnsafeBytes(of: words) { Array($0.prefix(width)) }
    }

    /// Calls `body` with the 32 bytes (a compact fingerprint's with its zero tail), without allocating.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: words, body)
    }

    /// 64 lowercase hexadecimal digits, a compact fingerprint's with its zero tail, so that logs
    /// and audit searches keep one form (one allocation: the string itself).
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { out in
            withUnsafeBytes { bytes in
                for (index, byte) in bytes.enumerated() {
                    out[2 * index] = Self.hexDigit(byte >> 4)
                    out[2 * index + 1] = Self.hexDigit(byte & 0x0F)
                }
            }
            return 64
        }
    }

    /// The ASCII code of the hexadecimal digit `value` (0–15).
    static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x57 + value }

    /// The hexadecimal form. A fingerprint may be logged: without the key it reveals nothing.
    public var description: String { hex }

    /// Two fingerprints are equal when their 32 bytes are.
    public static func == (lhs: Fingerprint, rhs: Fingerprint) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    /// Orders fingerprints by their bytes, as SQLite orders their blobs (no allocation: the
    /// little-endian words compare as big-endian numbers).
    public static func < (lhs: Fingerprint, rhs: Fingerprint) -> Bool {
        let l = (lhs.words.0.bigEndian, lhs.words.1.bigEndian, lhs.words.2.bigEndian, lhs.words.3.bigEndian)
        let r = (rhs.words.0.bigEndian, rhs.words.1.bigEndian, rhs.words.2.bigEndian, rhs.words.3.bigEndian)
        return l < r
    }

    /// Hashes the four words.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }
}
