/// An entry of an address list that is neither an IP address nor a CIDR range.
public struct AddressRangeError: Error, Sendable, CustomStringConvertible {
    /// The entry as written.
    public let text: String

    /// What is wrong and what is expected.
    public var description: String {
        "`\(text)` is not an IP address or a range such as 127.0.0.1, 10.0.0.0/8, ::1 or 2001:db8::/32"
    }
}
