public import HTTPTypes
public import Hummingbird
import NIOCore

/// An error of the JSON API: a status, a stable code and a message, sent as
/// `{"error": {"code": "…", "message": "…"}}`.
public struct APIError: HTTPResponseError, Sendable {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A stable code, such as `avs.wrong_check_digit`.
    public let code: String
    /// What was wrong, for people.
    public let message: String
    /// Seconds after which the client may try again (sent as `Retry-After`).
    public var retryAfter: Int?

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The JSON response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = "{\"error\":{\"code\":\(JSONText.quoted(code)),\"message\":\(JSONText.quoted(message))}}"
        return Response(
            status: status,
            headers: retryAfter.map { [.contentType: "application/json; charset=utf-8", .retryAfter: String($0)] }
                ?? [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }
}
