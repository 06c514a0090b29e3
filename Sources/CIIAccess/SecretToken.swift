import Foundation
import Sodium

/// Random bearer secrets (session cookies, pending-login cookies, API tokens) and how they are
/// stored: only their BLAKE2b hash, so a copy of the database lets nobody in.
enum SecretToken {
    /// 32 random bytes as 43 base64url characters, after `prefix`.
    static func make(prefix: String = "") -> String { prefix + Sodium.randomToken() }

    /// The stored form of `token`.
    static func hash(_ token: String) -> Data { Data(GenericHash.hash(Array(token.utf8))) }

    /// The stored form of a login code, bound to its pending login.
    static func hash(code: String, challenge: String) -> Data { Data(GenericHash.hash(Array("\(challenge):\(code)".utf8))) }

    /// Six random digits.
    static func code() -> String { Sodium.randomDigits(6) }
}
