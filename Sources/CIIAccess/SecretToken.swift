import Foundation
import Sodium

/// Random bearer secrets (session cookies, pending-login cookies, API tokens) and how they are
/// stored: only their BLAKE2b hash, so a copy of the database lets nobody in.
enum SecretToken {
    static let base64URL = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// 32 random bytes as 43 base64url characters, after `prefix`.
    static func make(prefix: String = "") -> String {
        let bytes = Sodium.randomBytes(33)
        var text = prefix
        var index = 0
        while index + 3 <= bytes.count {
            let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] { text.append(base64URL[Int((n >> UInt32(shift)) & 63)]) }
            index += 3
        }
        return text
    }

    /// The stored form of `token`.
    static func hash(_ token: String) -> Data { Data(GenericHash.hash(Array(token.utf8))) }

    /// The stored form of a login code, bound to its pending login.
    static func hash(code: String, challenge: String) -> Data { Data(GenericHash.hash(Array("\(challenge):\(code)".utf8))) }

    /// Six random digits.
    static func code() -> String {
        var digits = ""
        while digits.count < 6 {
            for byte in Sodium.randomBytes(8) where byte < 250 && digits.count < 6 {  // 250 = 25 × 10: no bias
                digits.append(Character(String(byte % 10)))
            }
        }
        return digits
    }
}
