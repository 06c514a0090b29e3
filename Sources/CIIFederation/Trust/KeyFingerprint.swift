import Foundation
import Sodium

/// A short, readable fingerprint of a public key, for two administrators to compare out of band
/// (by phone, or in person): BLAKE2b-128 of the key, in lowercase hex, in groups of 4
/// (`3f2a 9c01 …`, 8 groups). It reveals nothing a public key does not.
public enum KeyFingerprint {
    /// The fingerprint of `key` (raw bytes).
    public static func of(_ key: [UInt8]) -> String {
        let hex = GenericHash.hash(key, length: 16).map { String(format: "%02x", $0) }.joined()
        return stride(from: 0, to: hex.count, by: 4).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }.joined(separator: " ")
    }

    /// The fingerprint of a base64 key, or `(not a base64 key)`.
    public static func of(base64 key: String) -> String {
        guard let bytes = Data(base64Encoded: key) else { return "(not a base64 key)" }
        return of([UInt8](bytes))
    }
}
