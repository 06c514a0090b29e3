import CSodium

/// Secret key material that is wiped from memory when released and never printed.
///
/// `description` shows only the length, so a key that ends up in a log line or an error
/// message reveals nothing. Immutable after creation, hence safe to share between tasks.
public final class SecretBytes: @unchecked Sendable, CustomStringConvertible {
    private let storage: UnsafeMutableRawBufferPointer

    /// Copies `bytes` into a fresh buffer; the caller should wipe its own copy.
    public init(_ bytes: [UInt8]) {
        Sodium.ensureInitialized()
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
        self.storage = storage
        self.count = bytes.count
    }

    /// Fresh random secret bytes.
    public static func random(count: Int) -> SecretBytes {
        var bytes = Sodium.randomBytes(count)
        defer { Sodium.wipe(&bytes) }
        return SecretBytes(bytes)
    }

    deinit {
        sodium_memzero(storage.baseAddress, storage.count)
        storage.deallocate()
    }

    /// Number of secret bytes.
    public let count: Int

    /// Calls `body` with the secret bytes; do not let the pointer escape.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
    }

    /// A copy of the bytes, for writing to a protected key file. Wipe it after use.
    public func copyBytes() -> [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// Never the bytes: only the length.
    public var description: String { "SecretBytes(\(count) bytes)" }
}

extension Sodium {
    /// Overwrites `bytes` with zeros in a way the optimiser cannot remove.
    public static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { sodium_memzero($0.baseAddress, $0.count) }
    }
}
