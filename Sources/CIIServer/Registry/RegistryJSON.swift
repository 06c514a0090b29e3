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

    /// The API's decoder: ISO dates.
    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// The body, at most ``maximumBody`` bytes.
    static func body(of request: Request) async throws -> Data {
        do {
            return Data(try await request.body.collect(upTo: maximumBody).readableBytesView)
        } catch {
            throw RegistryAPIError.tooLarge
        }
    }

    /// Decodes the body as `type`; malformed JSON or a value of the wrong type is a 422 naming
    /// every top-level field that does not decode (prefixed with `path`), as far as they can be
    /// found, else the first problem the decoder met.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, path: String? = nil) async throws -> T {
        let body = try await body(of: request)
        do {
            return try decoder.decode(T.self, from: body)
        } catch let error as DecodingError {
            let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
            throw merged(problem(error, path: path), object.map { FieldProblems.of(T.self, in: $0, path: path) } ?? [])
        }
    }

    /// Decodes a list body as `[E]`, as ``decode(_:from:path:)``, looking at each element's fields.
    static func decode<E: Decodable>(_ type: [E].Type, from request: Request, path: String? = nil) async throws -> [E] {
        let body = try await body(of: request)
        do {
            return try decoder.decode([E].self, from: body)
        } catch let error as DecodingError {
            var found: [RegistryAPIError.Problem] = []
            if let list = try? JSONSerialization.jsonObject(with: body) as? [Any] {
                for (index, element) in list.enumerated() {
                    guard let object = element as? [String: Any] else { continue }
                    found += FieldProblems.of(E.self, in: object, path: "\(path ?? "")[\(index)]")
                }
            }
            throw merged(problem(error, path: path), found)
        }
    }

    /// The decoder's first problem and the fields' problems, each field once.
    static func merged(_ first: RegistryAPIError, _ found: [RegistryAPIError.Problem]) -> RegistryAPIError {
        guard !found.isEmpty else { return first }
        let missed = first.problems.filter { problem in !found.contains { $0.field == problem.field } }
        return RegistryAPIError(.unprocessableContent, problems: missed + found)
    }

    /// The 422 of a decoding error: where and what, never the value. The first `skipping`
    /// components of the error's path are not the request's (a wrapper's).
    static func problem(_ error: DecodingError, path: String?, skipping: Int = 0) -> RegistryAPIError {
        func field(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            var text = path ?? ""
            for key in codingPath.dropFirst(skipping) + (last.map { [$0] } ?? []) {
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
