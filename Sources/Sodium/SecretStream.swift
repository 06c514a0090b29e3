import CSodium

/// Authenticated encryption of a stream of messages (`crypto_secretstream_xchacha20poly1305`),
/// for files encrypted chunk by chunk.
///
/// A ``SecretStreamPush`` starts a stream and gives its header; each pushed message becomes a
/// ciphertext ``overhead`` bytes longer. A ``SecretStreamPull`` made from the same key and header
/// opens the ciphertexts in order: a reordered, altered, dropped or repeated one fails, and the
/// last message of a complete stream carries ``Tag/final`` so that a truncated stream is noticed.
public enum SecretStream {
    /// Length of a key, in bytes (32).
    public static let keyLength = Int(crypto_secretstream_xchacha20poly1305_keybytes())
    /// Length of the header that starts a stream, in bytes (24).
    public static let headerLength = Int(crypto_secretstream_xchacha20poly1305_headerbytes())
    /// What a pushed message gains in length, in bytes (17).
    public static let overhead = Int(crypto_secretstream_xchacha20poly1305_abytes())

    /// The tag a message carries.
    public enum Tag: Sendable, Equatable {
        /// An ordinary message.
        case message
        /// The last message of the stream.
        case final

        var raw: UInt8 {
            switch self {
            case .message: crypto_secretstream_xchacha20poly1305_tag_message()
            case .final: crypto_secretstream_xchacha20poly1305_tag_final()
            }
        }
    }
}
