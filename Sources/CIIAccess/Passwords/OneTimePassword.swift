import Sodium

/// The first password of a new or reset account: random, easy to read out, valid for one login.
///
/// Four groups of four characters from an alphabet without look-alikes (no 0/O, 1/l/I):
/// about 78 bits of entropy, e.g. `k7mp-9xq2-hw4r-tz3e`.
enum OneTimePassword {
    static let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")

    static func make() -> String {
        // 32 letters: the low 5 bits of a random byte pick one uniformly.
        let bytes = Sodium.randomBytes(16)
        var text = ""
        for (index, byte) in bytes.enumerated() {
            if index > 0, index % 4 == 0 { text.append("-") }
            text.append(alphabet[Int(byte & 31)])
        }
        return text
    }
}
