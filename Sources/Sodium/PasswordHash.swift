import CSodium
import Foundation

/// Password hashing with Argon2id (`crypto_pwhash_str_alg`), in the self-describing string
/// format `$argon2id$v=19$m=…,t=…,p=1$salt$hash` that carries its own salt and cost.
///
/// Passwords are normalised to Unicode NFC before hashing, so that `é` typed as one code point
/// or as `e` plus a combining accent verifies the same. Temporary byte copies are wiped.
/// Hashing and verifying take tens of milliseconds and 64 MiB or more on purpose: call them
/// off the cooperative thread pool on a busy server.
public enum PasswordHash {
    /// The cost of one hash: CPU passes and memory.
    public struct Strength: Sendable, Equatable {
        /// Number of passes over the memory (`opslimit`).
        public let opsLimit: UInt64
        /// Memory used, in bytes (`memlimit`).
        public let memLimit: Int

        /// A custom cost; libsodium refuses less than 1 pass or 8 KiB when hashing.
        public init(opsLimit: UInt64, memLimit: Int) {
            self.opsLimit = opsLimit
            self.memLimit = memLimit
        }

        /// For interactive log-ins: 2 passes, 64 MiB (about 0.1 s).
        public static let interactive = Strength(
            opsLimit: UInt64(crypto_pwhash_argon2id_opslimit_interactive()),
            memLimit: crypto_pwhash_argon2id_memlimit_interactive()
        )

        /// For rarer, more valuable secrets: 3 passes, 256 MiB (about 0.7 s).
        public static let moderate = Strength(
            opsLimit: UInt64(crypto_pwhash_argon2id_opslimit_moderate()),
            memLimit: crypto_pwhash_argon2id_memlimit_moderate()
        )
    }

    /// The prefix of every hash this type produces.
    public static let prefix = "$argon2id$"

    /// Hashes `password` with a fresh random salt.
    /// - Returns: an ASCII string such as `$argon2id$v=19$m=65536,t=2,p=1$…$…`, to store as is.
    /// - Throws: ``SodiumError`` when libsodium refuses the cost or cannot get the memory.
    public static func hash(_ password: String, strength: Strength = .interactive) throws(SodiumError) -> String {
        Sodium.ensureInitialized()
        var bytes = normalizedBytes(password)
        defer { Sodium.wipe(&bytes) }
        var out = [CChar](repeating: 0, count: crypto_pwhash_strbytes())
        let rc = bytes.withUnsafeBufferPointer { pw in
            pw.withMemoryRebound(to: CChar.self) { pw in
                crypto_pwhash_str_alg(
                    &out,
                    pw.baseAddress!,
                    UInt64(pw.count - 1),
                    strength.opsLimit,
                    strength.memLimit,
                    crypto_pwhash_alg_argon2id13()
                )
            }
        }
        guard rc == 0 else {
            throw SodiumError(
                .failed,
                "Argon2id hashing failed (opslimit \(strength.opsLimit), memlimit \(strength.memLimit) bytes): "
                    + "use a cost libsodium accepts and make sure the process may allocate that much memory"
            )
        }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Tells whether `password` matches `hash`; false for a malformed or non-Argon2id hash.
    public static func verify(_ password: String, against hash: String) -> Bool {
        Sodium.ensureInitialized()
        guard hash.hasPrefix(prefix), hash.utf8.count < crypto_pwhash_strbytes() else { return false }
        var bytes = normalizedBytes(password)
        defer { Sodium.wipe(&bytes) }
        return bytes.withUnsafeBufferPointer { pw in
            pw.withMemoryRebound(to: CChar.self) { pw in
                crypto_pwhash_argon2id_str_verify(hash, pw.baseAddress!, UInt64(pw.count - 1)) == 0
            }
        }
    }

    /// Tells whether `hash` should be replaced, after a successful log-in, by a hash made with
    /// `strength`: true when its cost differs or when it is not an Argon2id hash at all.
    public static func needsRehash(_ hash: String, strength: Strength = .interactive) -> Bool {
        Sodium.ensureInitialized()
        guard hash.hasPrefix(prefix) else { return true }
        return crypto_pwhash_argon2id_str_needs_rehash(hash, strength.opsLimit, strength.memLimit) != 0
    }

    /// The NFC UTF-8 bytes of `password` and a final NUL (not hashed), so that even an empty
    /// password has an address; the caller wipes them.
    private static func normalizedBytes(_ password: String) -> [UInt8] {
        let utf8 = password.precomposedStringWithCanonicalMapping.utf8
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 1)  // one buffer, no reallocation leaving an unwiped copy
        bytes.append(contentsOf: utf8)
        bytes.append(0)
        return bytes
    }
}
