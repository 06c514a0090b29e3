import CQRencode

/// A QR code (ISO/IEC 18004) made by libqrencode: a square of dark and light modules.
///
/// ```swift
/// let code = try QRCode(encoding: "otpauth://totp/ciid:anne?secret=…")
/// let svg = code.svg()
/// ```
public struct QRCode: Sendable, Hashable {
    /// Modules per side.
    public let width: Int
    /// Whether each module is dark, row by row.
    public let modules: [Bool]

    /// Encodes `text` as bytes, with error correction level M (15 % of the code may be lost).
    /// - Throws: ``QRCodeError`` when the text is too long for a QR code or libqrencode fails.
    public init(encoding text: String) throws(QRCodeError) {
        guard text.utf8.count <= 2048 else { throw QRCodeError("the text (\(text.utf8.count) bytes) is too long for a QR code") }
        let bytes = Array(text.utf8)
        guard let code = QRcode_encodeData(Int32(bytes.count), bytes, 0, QR_ECLEVEL_M) else {
            throw QRCodeError("libqrencode could not encode the text")
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        self.width = width
        self.modules = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// Whether the module at column `x`, row `y` is dark.
    public func isDark(x: Int, y: Int) -> Bool { modules[y * width + x] }
}
