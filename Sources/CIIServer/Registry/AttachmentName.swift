import Foundation

/// The `Content-Disposition` of a downloaded document: `attachment`, a plain ASCII `filename` made
/// from its designation (letters, digits, `.`, `-`, `_`; nothing that could name a path or break
/// the header), and the designation itself in `filename*` (RFC 6266, UTF-8, percent-encoded).
enum AttachmentName {
    /// The longest name, without the extension.
    static let maximumLength = 80

    /// The header value for a document called `designation`, with the extension `fileExtension`.
    static func contentDisposition(designation: String, fileExtension: String) -> String {
        let plain = ascii(designation)
        let cleaned = String(
            designation.unicodeScalars.filter { $0.value >= 0x20 && $0 != "/" && $0 != "\\" && $0.value != 0x7F }.prefix(maximumLength)
        )
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let encoded =
            "\(cleaned.trimmingCharacters(in: .whitespaces)).\(fileExtension)".addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        return "attachment; filename=\"\(plain).\(fileExtension)\"; filename*=UTF-8''\(encoded)"
    }

    /// `Procuration Müller 2025` → `Procuration_Muller_2025`; `document` when nothing is left.
    static func ascii(_ designation: String) -> String {
        let folded = designation.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        for scalar in folded.unicodeScalars {
            let keep = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == ".")
            if keep {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("_") {
                out += "_"
            }
        }
        let trimmed = String(out.trimmingCharacters(in: CharacterSet(charactersIn: "_.-")).prefix(maximumLength))
        return trimmed.isEmpty ? "document" : trimmed
    }
}
