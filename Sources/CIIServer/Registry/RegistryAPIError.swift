public import CIICore
public import HTTPTypes
public import Hummingbird
import NIOCore

/// An error of the registry's JSON API, in the one shape of that API:
/// `{"errors": [{"field": "services[1].end", "code": "date_order", "message": "…"}]}`, each message
/// in the language of the request's `Accept-Language` (fr, de or en; French by default).
public struct RegistryAPIError: HTTPResponseError, Sendable {
    /// One thing wrong.
    public struct Problem: Sendable, Hashable {
        /// The field, as a path into the request (`person.avs`), or nil for the request as a whole.
        public let field: String?
        /// A stable code.
        public let code: String
        /// The message in the three languages.
        public let message: LocalizedText

        /// Creates a problem.
        public init(field: String?, code: String, message: LocalizedText) {
            self.field = field
            self.code = code
            self.message = message
        }
    }

    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// Every problem (at least one).
    public let problems: [Problem]
    /// Seconds after which the client may try again (`Retry-After`), for a 503.
    public var retryAfter: Int?
    /// The methods a path takes (`Allow`), for a 405.
    public var allow: String?

    /// Creates an error with problems.
    public init(_ status: HTTPResponse.Status, problems: [Problem]) {
        self.status = status
        self.problems = problems
    }

    /// Creates an error with one problem about the request as a whole (or one field).
    public init(_ status: HTTPResponse.Status, code: String, field: String? = nil, _ message: LocalizedText) {
        self.init(status, problems: [Problem(field: field, code: code, message: message)])
    }

    /// The JSON response, in the request's language.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let language = Language(acceptLanguage: request.headers[.acceptLanguage])
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json(language))))
    }

    /// The body in `language`.
    public func json(_ language: Language) -> String {
        let items = problems.map { problem in
            "{\"field\":\(problem.field.map(JSONText.quoted) ?? "null"),\"code\":\(JSONText.quoted(problem.code)),"
                + "\"message\":\(JSONText.quoted(problem.message(language)))}"
        }
        return "{\"errors\":[\(items.joined(separator: ","))]}"
    }

    var headers: HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        if let retryAfter { fields[.retryAfter] = String(retryAfter) }
        if let allow { fields[.allow] = allow }
        return fields
    }
}
