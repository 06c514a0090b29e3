/// Why a QR code could not be made.
public struct QRCodeError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let reason: String

    init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
