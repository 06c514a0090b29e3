import CIICore
import CIIRegistry
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Reading and writing the registry API's JSON.
enum RegistryJSON {
    /// The largest body the API reads.
    static let maximumBody = 1 << 20

    /// Sorted keys, ISO dates.
    static func encode(_ value: some Encodable) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ByteBuffer(bytes: try encoder.encode(value))
    }

    /// A JSON response, never cached.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, etag: CaseETag? = nil) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        if let etag { headers[.eTag] = etag.header }
        return Response(status: status, headers: headers, body: .init(byteBuffer: try encode(value)))
    }

    /// Decodes the body as `type`; malformed JSON or a value of the wrong type is a 422 naming the
    /// field (prefixed with `path`).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, path: String? = nil) async throws -> T {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maximumBody)
        } catch {
            throw RegistryAPIError.tooLarge
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(T.self, from: Data(body.readableBytesView))
        } catch let error as DecodingError {
            throw problem(error, path: path)
        }
    }

    /// The 422 of a decoding error: where and what, never the value.
    static func problem(_ error: DecodingError, path: String?) -> RegistryAPIError {
        func field(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            var text = path ?? ""
            for key in codingPath + (last.map { [$0] } ?? []) {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text.isEmpty ? "body" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .invalid(
                field(context.codingPath, key),
                "required",
                LocalizedText(fr: "Champ obligatoire.", de: "Pflichtfeld.", en: "Required field.")
            )
        case .valueNotFound(_, let context):
            return .invalid(field(context.codingPath), "required", LocalizedText(fr: "Champ obligatoire.", de: "Pflichtfeld.", en: "Required field."))
        case .typeMismatch(_, let context), .dataCorrupted(let context):
            if case .dataCorrupted = error, context.codingPath.isEmpty {
                return .invalid(
                    "body",
                    "json.malformed",
                    LocalizedText(
                        fr: "Le corps de la requête n'est pas du JSON valide.",
                        de: "Der Anfragekörper ist kein gültiges JSON.",
                        en: "The request body is not valid JSON."
                    )
                )
            }
            return .invalid(
                field(context.codingPath),
                "invalid_value",
                LocalizedText(
                    fr: "Valeur invalide (type, format de date AAAA-MM-JJ ou code inconnu).",
                    de: "Ungültiger Wert (Typ, Datumsformat JJJJ-MM-TT oder unbekannter Code).",
                    en: "Invalid value (type, date format YYYY-MM-DD or unknown code)."
                )
            )
        @unknown default:
            return .invalid("body", "invalid_value", LocalizedText(fr: "Valeur invalide.", de: "Ungültiger Wert.", en: "Invalid value."))
        }
    }
}
