public import Hummingbird
import NIOCore

/// `POST /bench/echo`: a bare route for benchmarks, enabled only by `ciid serve --bench-route`.
///
/// It does what every JSON route does (collect the body, read `{"avs": "..."}` exactly as the
/// check reads it, through ``CheckRequestBody``, answer a small JSON) and nothing else, so the
/// HTTPS check's throughput can be compared with it in the same run, same server, same TLS, same
/// body reading: the ratio says what the check itself costs (authentication, limits, lookup,
/// audit, answer).
public struct EchoController: Sendable {
    /// Creates the controller.
    public init() {}

    /// Adds the route to `router`.
    public func addRoutes(to router: Router<NodeRequestContext>) {
        router.post("/bench/echo") { request, context in
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            if case .notJSON = CheckRequestBody.read(body) {
                throw APIError(.badRequest, code: "request.invalid_json", message: "The body must be JSON of the form {\"avs\": \"...\"}.")
            }
            return Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "{\"ok\":true}"))
            )
        }
    }
}
