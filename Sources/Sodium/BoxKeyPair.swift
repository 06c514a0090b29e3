import CSodium

/// An X25519 key pair (`crypto_box`): receives sealed federation keys and encrypted batches.
public struct BoxKeyPair: Sendable {
    /// The public key, 32 bytes.
    public let publicKey: [UInt8]
    /// The secret key, 32 bytes.
    public let secretKey: SecretBytes

    /// Length of a public or secret key, in bytes (32).
    public static let keyLength = Int(crypto_box_publickeybytes())
    /// Bytes that sealing adds to a message (48).
    public static let sealOverhead = Int(crypto_box_sealbytes())

    /// Generates a fresh key pair.
    public static func generate() -> BoxKeyPair {
        Sodium.ensureInitialized()
        var pk = [UInt8](repeating: 0, count: keyLength)
        var sk = [UInt8](repeating: 0, count: keyLength)
        defer { Sodium.wipe(&sk) }
        crypto_box_keypair(&pk, &sk)
        return BoxKeyPair(publicKey: pk, secretKey: SecretBytes(sk))
    }

    /// Restores a key pair from its secret key.
    public init(secretKey: SecretBytes) throws(SodiumError) {
        guard secretKey.count == Self.keyLength else { throw SodiumError(.badKeyLength, "an X25519 secret key is 32 bytes") }
        var pk = [UInt8](repeating: 0, count: Self.keyLength)
        secretKey.withUnsafeBytes { sk in _ = crypto_scalarmult_base(&pk, sk.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        self.publicKey = pk
        self.secretKey = secretKey
    }

    private init(publicKey: [UInt8], secretKey: SecretBytes) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// Encrypts `message` anonymously to `recipient` (`crypto_box_seal`).
    public static func seal(_ message: [UInt8], to recipient: [UInt8]) throws(SodiumError) -> [UInt8] {
        Sodium.ensureInitialized()
        guard recipient.count == keyLength else { throw SodiumError(.badKeyLength, "an X25519 public key is 32 bytes") }
        var out = [UInt8](repeating: 0, count: message.count + sealOverhead)
        guard crypto_box_seal(&out, message, UInt64(message.count), recipient) == 0 else {
            throw SodiumError(.failed, "crypto_box_seal failed")
        }
        return out
    }

    /// Decrypts a message sealed to this key pair; fails when it was sealed to another key or altered.
    public func open(_ sealed: [UInt8]) throws(SodiumError) -> [UInt8] {
        guard sealed.count >= Self.sealOverhead else { throw SodiumError(.cannotOpen, "sealed message too short") }
        var out = [UInt8](repeating: 0, count: sealed.count - Self.sealOverhead)
        let rc = secretKey.withUnsafeBytes { sk in
            crypto_box_seal_open(&out, sealed, UInt64(sealed.count), publicKey, sk.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        guard rc == 0 else { throw SodiumError(.cannotOpen, "the message was not sealed to this key, or was altered") }
        return out
    }
}
