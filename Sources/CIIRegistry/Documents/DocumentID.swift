import Sodium

/// The id of a stored document: 16 random bytes as 32 lowercase hex digits, which is also its
/// file name in the vault (so an id given by a caller can never name another path).
public struct DocumentID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 32 hex digits.
    public let rawValue: String

    /// Reads an id; nil unless it is exactly 32 lowercase hex digits.
    public init?(_ text: String) {
        guard text.utf8.count == 32, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        rawValue = text
    }

    /// A fresh random id.
    public static func random() -> DocumentID {
        let hex = Sodium.randomBytes(16).map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
        }.joined()
        return DocumentID(hex)!
    }

    /// Decodes the 32 hex digits, refusing anything else.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = DocumentID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a document id is 32 hex digits"))
        }
        self = id
    }

    /// Encodes the 32 hex digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The 32 hex digits.
    public var description: String { rawValue }
}
