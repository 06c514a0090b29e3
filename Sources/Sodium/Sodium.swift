import CSodium

/// Entry point of the libsodium wrapper: initialisation and random bytes.
///
/// Every type of this module calls ``Sodium/ensureInitialized()`` before it touches libsodium,
/// so callers never need to.
public enum Sodium {
    private static let initialized: Bool = sodium_init() >= 0

    /// Initialises libsodium once per process; traps when the library cannot start,
    /// since no cryptography is then safe to do.
    public static func ensureInitialized() {
        precondition(initialized, "libsodium could not be initialised")
    }

    /// Returns `count` bytes from libsodium's cryptographically secure generator.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        ensureInitialized()
        var bytes = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return bytes }
        bytes.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
        return bytes
    }

    /// Compares two byte strings in constant time (for equal lengths).
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        ensureInitialized()
        return a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in sodium_memcmp(pa.baseAddress, pb.baseAddress, a.count) == 0 } }
    }
}
