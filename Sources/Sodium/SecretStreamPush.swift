import CSodium

/// The encrypting end of a ``SecretStream``. Not shareable between tasks: one writer pushes in order.
public final class SecretStreamPush {
    private let state: UnsafeMutablePointer<crypto_secretstream_xchacha20poly1305_state>
    /// The header to store before the first ciphertext; ``SecretStreamPull`` needs it.
    public let header: [UInt8]
    /// True once a message tagged ``SecretStream/Tag/final`` has been pushed.
    public private(set) var isFinished = false

    /// Starts a stream under `key`.
    /// - Throws: ``SodiumError`` with `badKeyLength` when the key is not 32 bytes.
    public init(key: SecretBytes) throws(SodiumError) {
        guard key.count == SecretStream.keyLength else {
            throw SodiumError(.badKeyLength, "a secret-stream key is \(SecretStream.keyLength) bytes")
        }
        Sodium.ensureInitialized()
        let state = UnsafeMutablePointer<crypto_secretstream_xchacha20poly1305_state>.allocate(capacity: 1)
        var header = [UInt8](repeating: 0, count: SecretStream.headerLength)
        _ = key.withUnsafeBytes { k in
            crypto_secretstream_xchacha20poly1305_init_push(state, &header, k.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        self.state = state
        self.header = header
    }

    deinit {
        sodium_memzero(state, MemoryLayout<crypto_secretstream_xchacha20poly1305_state>.size)
        state.deallocate()
    }

    /// Encrypts the next message of the stream, binding it to `additionalData` (not stored).
    /// - Throws: ``SodiumError`` with `failed` when the stream was finished already.
    public func push(_ message: [UInt8], tag: SecretStream.Tag = .message, additionalData: [UInt8] = []) throws(SodiumError) -> [UInt8] {
        guard !isFinished else { throw SodiumError(.failed, "the secret stream is finished; start another one") }
        var out: [UInt8] = []
        message.withUnsafeBytes { m in
            out = [UInt8](repeating: 0, count: m.count + SecretStream.overhead)
            var written: UInt64 = 0
            _ = crypto_secretstream_xchacha20poly1305_push(
                state,
                &out,
                &written,
                m.baseAddress?.assumingMemoryBound(to: UInt8.self),
                UInt64(m.count),
                additionalData,
                UInt64(additionalData.count),
                tag.raw
            )
        }
        if tag == .final { isFinished = true }
        return out
    }
}
