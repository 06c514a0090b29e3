import CSodium

/// An Ed25519 key pair (`crypto_sign`): signs batches and manifests.
public struct SigningKeyPair: Sendable {
    /// The public key, 32 bytes.
    public let publicKey: [UInt8]
    /// The secret key, 64 bytes (seed and public key, as libsodium stores it).
    public let secretKey: SecretBytes

    /// Length of a detached signature, in bytes (64).
    public static let signatureLength = Int(crypto_sign_bytes())
    /// Length of a public key, in bytes (32).
    public static let publicKeyLength = Int(crypto_sign_publickeybytes())
    /// Length of a secret key, in bytes (64).
    public static let secretKeyLength = Int(crypto_sign_secretkeybytes())

    /// Generates a fresh key pair.
    public static func generate() -> SigningKeyPair {
        Sodium.ensureInitialized()
        var pk = [UInt8](repeating: 0, count: publicKeyLength)
        var sk = [UInt8](repeating: 0, count: secretKeyLength)
        defer { Sodium.wipe(&sk) }
        crypto_sign_keypair(&pk, &sk)
        return SigningKeyPair(publicKey: pk, secretKey: SecretBytes(sk))
    }

    /// Restores a key pair from its secret key (the public key is its last 32 bytes).
    public init(secretKey: SecretBytes) throws(SodiumError) {
        guard secretKey.count == Self.secretKeyLength else { throw SodiumError(.badKeyLength, "an Ed25519 secret key is 64 bytes") }
        self.secretKey = secretKey
        self.publicKey = secretKey.withUnsafeBytes { Array($0[32..<64]) }
    }

    private init(publicKey: [UInt8], secretKey: SecretBytes) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// Signs `message`, returning a detached 64-byte signature.
    public func sign(_ message: [UInt8]) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: Self.signatureLength)
        secretKey.withUnsafeBytes { sk in
            _ = crypto_sign_detached(&signature, nil, message, UInt64(message.count), sk.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        return signature
    }

    /// Tells whether `signature` is a valid signature of `message` by `publicKey`.
    public static func verify(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
        Sodium.ensureInitialized()
        guard signature.count == signatureLength, publicKey.count == publicKeyLength else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), publicKey) == 0
    }
}
