/// A transfer that did not complete.
public struct CurlError: Error, Sendable, CustomStringConvertible {
    /// libcurl's result code (`CURLcode`), or -1 for an error of this wrapper.
    public let code: Int
    /// libcurl's explanation.
    public let reason: String

    /// Creates an error.
    public init(code: Int, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `curl error 7: Couldn't connect to server`.
    public var description: String { "curl error \(code): \(reason)" }
}
