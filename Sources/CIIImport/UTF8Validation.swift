/// A strict UTF-8 check (no overlong forms, no surrogates, nothing above U+10FFFF), fast on ASCII.
enum UTF8Validation {
    /// Tells whether `bytes` are well-formed UTF-8.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            let trailing: Int
            switch lead {
            case 0xC2...0xDF: trailing = 1
            case 0xE0: (trailing, low) = (2, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: trailing = 2
            case 0xED: (trailing, high) = (2, 0x9F)
            case 0xF0: (trailing, low) = (3, 0x90)
            case 0xF1...0xF3: trailing = 3
            case 0xF4: (trailing, high) = (3, 0x8F)
            default: return false
            }
            guard index + trailing < count, (low...high).contains(bytes[index + 1]) else { return false }
            var next = index + 2
            while next <= index + trailing {
                guard bytes[next] & 0xC0 == 0x80 else { return false }
                next += 1
            }
            index = next
        }
        return true
    }
}
