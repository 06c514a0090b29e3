import Hummingbird

/// The fields of a submitted form (`application/x-www-form-urlencoded`), first value of each name.
public struct FormData: Sendable {
    /// Each field's first value, by name, percent-decoded (`+` read as a space).
    public let fields: [String: String]

    /// The first value of the field `name`, if the form has one.
    public subscript(_ name: String) -> String? { fields[name] }

    /// Reads at most 64 KiB of form body.
    static func read(_ request: Request, context: some RequestContext) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        return FormData(parsing: String(buffer: buffer))
    }

    /// Reads a form body; a name or value that is not valid percent-encoding (a `%` without two
    /// hexadecimal digits, or escapes that do not decode to UTF-8) reads as empty.
    ///
    /// One pass over the bytes, without Foundation: the login page parses forms from anyone, so a
    /// 64 KiB body of `&&&&…` costs microseconds, not a Foundation call per field.
    public init(parsing text: String) {
        var fields: [String: String] = [:]
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "&") { end += 1 }
                if end > start {
                    var equals = start
                    while equals < end, bytes[equals] != UInt8(ascii: "=") { equals += 1 }
                    let name = Self.decode(UnsafeBufferPointer(rebasing: bytes[start..<equals]))
                    if fields[name] == nil {
                        fields[name] = equals < end ? Self.decode(UnsafeBufferPointer(rebasing: bytes[(equals + 1)..<end])) : ""
                    }
                }
                start = end + 1
            }
        }
        self.fields = fields
    }

    /// Percent-decodes one name or value, `+` read as a space; "" when it is not valid.
    static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < raw.count, let high = hexValue(raw[index + 1]), let low = hexValue(raw[index + 2]) else {
                    return ""
                }
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? ""
    }

    /// The value of one hexadecimal digit, or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
