/// An IPv4 or IPv6 address, or a range of them in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`):
/// an entry of `metrics.allow`.
public struct AddressRange: Sendable, Hashable, CustomStringConvertible {
    /// The address's bytes (4 for IPv4, 16 for IPv6), with the bits past the prefix cleared.
    public let bytes: [UInt8]
    /// How many leading bits a client address must share with ``bytes``.
    public let prefixLength: Int

    /// The loopback ranges: `127.0.0.0/8` and `::1`.
    public static let loopback: [AddressRange] = [
        AddressRange(bytes: [127, 0, 0, 0], prefixLength: 8),
        AddressRange(bytes: Array(repeating: 0, count: 15) + [1], prefixLength: 128),
    ]

    /// A range of `prefixLength` bits of `bytes` (4 or 16 of them).
    public init(bytes: [UInt8], prefixLength: Int) {
        precondition(bytes.count == 4 || bytes.count == 16, "an address has 4 or 16 bytes")
        precondition((0...bytes.count * 8).contains(prefixLength), "the prefix is at most the address's bits")
        self.prefixLength = prefixLength
        self.bytes = bytes.enumerated().map { index, byte in
            let kept = min(max(prefixLength - index * 8, 0), 8)
            return kept == 0 ? 0 : byte & ~UInt8(0xFF >> kept)
        }
    }

    /// Whether `address` (an IP address as text, such as a client's) lies in the range. An IPv4
    /// address mapped into IPv6 (`::ffff:127.0.0.1`, how a dual-stack listener sees an IPv4
    /// client) counts as the IPv4 address. Anything that is not an IP address is outside.
    public func contains(_ address: String) -> Bool {
        guard let client = Self.addressBytes(address) else { return false }
        return contains(bytes: client)
    }

    /// Whether the address of `client` bytes (4 or 16) lies in the range.
    public func contains(bytes client: [UInt8]) -> Bool {
        let client = Self.unmapped(client)
        guard client.count == bytes.count else { return false }
        for (index, byte) in client.enumerated() {
            let kept = min(max(prefixLength - index * 8, 0), 8)
            if kept == 0 { break }
            let mask = ~UInt8(0xFF >> kept)
            if byte & mask != bytes[index] { return false }
        }
        return true
    }

    /// `10.0.0.0/8`, `::1` (a single address without its prefix).
    public var description: String {
        prefixLength == bytes.count * 8 ? Self.text(of: bytes) : "\(Self.text(of: bytes))/\(prefixLength)"
    }

    /// The 4 bytes of an IPv4 address mapped into IPv6 (`::ffff:a.b.c.d`), other addresses as they are.
    static func unmapped(_ address: [UInt8]) -> [UInt8] {
        guard address.count == 16, address[0..<10].allSatisfy({ $0 == 0 }), address[10] == 0xFF, address[11] == 0xFF else { return address }
        return Array(address[12...])
    }
}
