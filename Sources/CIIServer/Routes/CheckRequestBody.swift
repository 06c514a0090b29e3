import CIICore
import Foundation
import NIOCore

/// The body of `POST /api/v1/checks`, `{"avs": "756.9217.0769.85"}`, read with a scan of its bytes
/// in the usual case instead of Foundation's `JSONDecoder` (which costs more than the rest of
/// reading the request).
///
/// The scan takes only the plain form: an object with the one key `avs` whose string holds
/// printable ASCII without escapes, with JSON whitespace anywhere between the tokens. Any other
/// body (escapes, other keys, non-ASCII bytes, a byte-order mark, broken JSON) goes to
/// `JSONDecoder` as before, so the route accepts and refuses exactly what it did.
enum CheckRequestBody {
    /// What a body holds.
    enum Outcome {
        /// A valid AVS number.
        case number(AVSNumber)
        /// JSON of the right form whose `avs` is not a valid AVS number.
        case invalid(AVSNumberError)
        /// Not JSON of the form `{"avs": "…"}`.
        case notJSON
    }

    struct Decoded: Decodable {
        let avs: String
    }

    /// Reads `body`.
    static func read(_ body: ByteBuffer) -> Outcome {
        if let outcome = body.withUnsafeReadableBytes(scan) { return outcome }
        guard let decoded = try? JSONDecoder().decode(Decoded.self, from: Data(body.readableBytesView)) else { return .notJSON }
        do {
            return .number(try AVSNumber(decoded.avs))
        } catch {
            return .invalid(error)
        }
    }

    /// The outcome of a body of the plain form, or nil when `bytes` is of any other form.
    static func scan(_ bytes: UnsafeRawBufferPointer) -> Outcome? {
        var index = 0
        func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
        }
        func take(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
            index += count
            return true
        }
        skipSpace()
        guard take("{") else { return nil }
        skipSpace()
        guard take("\"avs\"") else { return nil }
        skipSpace()
        guard take(":") else { return nil }
        skipSpace()
        guard take("\"") else { return nil }
        let start = index
        while index < bytes.count, bytes[index] != 0x22 {
            // Printable ASCII without a backslash; anything else is left to JSONDecoder.
            guard bytes[index] >= 0x20, bytes[index] < 0x7F, bytes[index] != 0x5C else { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let end = index
        index += 1
        skipSpace()
        guard take("}") else { return nil }
        skipSpace()
        guard index == bytes.count else { return nil }
        do {
            return .number(try AVSNumber(utf8: UnsafeRawBufferPointer(rebasing: bytes[start..<end])))
        } catch {
            return .invalid(error)
        }
    }
}
