/// The version of a case period, as an HTTP entity tag: every committed change raises it, and
/// an update names the version it was made on (`If-Match`) so that a stale one is refused.
public struct CaseETag: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The version number (1 for a new case).
    public let version: Int64

    /// Creates a tag.
    public init(version: Int64) { self.version = version }

    /// Reads an `ETag` / `If-Match` value (`"7"` or `W/"7"`); `nil` otherwise.
    public init?(header: String) {
        var text = Substring(header)
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        guard text.count >= 3, text.first == "\"", text.last == "\"", let version = Int64(text.dropFirst().dropLast()), version > 0 else {
            return nil
        }
        self.version = version
    }

    /// The header value: `"7"`.
    public var header: String { "\"\(version)\"" }

    /// The header value.
    public var description: String { header }
}
