import CSodium

/// The decrypting end of a ``SecretStream``. Not shareable between tasks: one reader pulls in order.
public final class SecretStreamPull {
    private let state: UnsafeMutablePointer<crypto_secretstream_xchacha20poly1305_state>
    /// True once a message tagged ``SecretStream/Tag/final`` has been pulled: a stream read to
    /// its end without it was truncated.
    public private(set) var isFinished = false

    /// Resumes a stream under `key` from the `header` that ``SecretStreamPush`` gave.
    /// - Throws: ``SodiumError`` with `badKeyLength` for a key that is not 32 bytes, `cannotOpen`
    ///   for a header of the wrong length.
    public init(key: SecretBytes, header: [UInt8]) throws(SodiumError) {
        guard key.count == SecretStream.keyLength else {
            throw SodiumError(.badKeyLength, "a secret-stream key is \(SecretStream.keyLength) bytes")
        }
        guard header.count == SecretStream.headerLength else {
            throw SodiumError(.cannotOpen, "a secret-stream header is \(SecretStream.headerLength) bytes")
        }
        Sodium.ensureInitialized()
        let state = UnsafeMutablePointer<crypto_secretstream_xchacha20poly1305_state>.allocate(capacity: 1)
        let rc = key.withUnsafeBytes { k in
            crypto_secretstream_xchacha20poly1305_init_pull(state, header, k.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        guard rc == 0 else {
            state.deallocate()
            throw SodiumError(.cannotOpen, "the secret-stream header is not valid")
        }
        self.state = state
    }

    deinit {
        sodium_memzero(state, MemoryLayout<crypto_secretstream_xchacha20poly1305_state>.size)
        state.deallocate()
    }

    /// Decrypts the next ciphertext of the stream, pushed with the same `additionalData`.
    /// - Returns: the message and its tag.
    /// - Throws: ``SodiumError`` with `cannotOpen` when the ciphertext is too short, altered, out
    ///   of order, bound to other additional data, or follows the final message.
    public func pull(_ ciphertext: [UInt8], additionalData: [UInt8] = []) throws(SodiumError) -> (message: [UInt8], tag: SecretStream.Tag) {
        guard !isFinished else { throw SodiumError(.cannotOpen, "the secret stream has data after its final message") }
        var out: [UInt8] = []
        var tag: UInt8 = 0
        let rc: Int32 = ciphertext.withUnsafeBytes { c in
            guard c.count >= SecretStream.overhead else { return -1 }
            out = [UInt8](repeating: 0, count: c.count - SecretStream.overhead)
            var written: UInt64 = 0
            return crypto_secretstream_xchacha20poly1305_pull(
                state,
                &out,
                &written,
                &tag,
                c.baseAddress!.assumingMemoryBound(to: UInt8.self),
                UInt64(c.count),
                additionalData,
                UInt64(additionalData.count)
            )
        }
        guard rc == 0 else { throw SodiumError(.cannotOpen, "a secret-stream message was altered, reordered or encrypted under another key") }
        if tag == SecretStream.Tag.final.raw {
            isFinished = true
            return (out, .final)
        }
        guard tag == SecretStream.Tag.message.raw else { throw SodiumError(.cannotOpen, "a secret-stream message carries an unexpected tag") }
        return (out, .message)
    }
}
