import Foundation

extension AddressRange {
    /// Reads `address` or `address/prefix` (IPv4 or IPv6; an IPv6 address may be in brackets).
    /// A bare address is a range of that address alone.
    /// - Throws: ``AddressRangeError`` saying what is expected.
    public init(parsing text: String) throws(AddressRangeError) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var host = parts[0]
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard let bytes = Self.addressBytes(host) else { throw AddressRangeError(text: text) }
        var prefix = bytes.count * 8
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0...bytes.count * 8).contains(length) else { throw AddressRangeError(text: text) }
            prefix = length
        }
        self.init(bytes: bytes, prefixLength: prefix)
    }

    /// Reads a comma-separated list of ranges (spaces allowed); an empty text or `none` is no range.
    public static func list(parsing text: String) throws(AddressRangeError) -> [AddressRange] {
        let entries = text.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        if entries == ["none"] { return [] }
        var ranges: [AddressRange] = []
        for entry in entries { ranges.append(try AddressRange(parsing: entry)) }
        return ranges
    }

    /// The 4 or 16 bytes of an IPv4 or IPv6 address written as text, or nil.
    static func addressBytes(_ text: String) -> [UInt8]? {
        var text = text
        if let zone = text.firstIndex(of: "%") { text = String(text[..<zone]) }  // fe80::1%eth0
        var v4 = in_addr()
        if text.contains("."), !text.contains(":"), inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if text.contains(":"), inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    /// The conventional text of 4 or 16 address bytes.
    static func text(of bytes: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        let written = bytes.withUnsafeBytes { raw in inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) }
        guard written != nil else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
