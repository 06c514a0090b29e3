import CIICore
import CIIFederation
import HTTPTypes
import Hummingbird
import Logging

/// Lets through only requests of a current member: signed by its Ed25519 key (``RequestSignature``,
/// within the allowed clock drift) and sent with its own client certificate. Runs before any
/// route, so a refused request costs the node one bounded read and one signature check.
struct MemberAuthenticator: RouterMiddleware {
    typealias Context = FederationRequestContext

    let state: FederationState
    let certificates: MemberCertificates
    let drift: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let bytes = Array(body.readableBytesView)
        let caller: NodeID
        do {
            caller = try RequestSignature.verify(
                method: request.method.rawValue,
                target: request.uri.string,
                body: bytes,
                node: request.headers.first(HTTPField.Name(RequestSignature.nodeHeader)!),
                time: request.headers.first(HTTPField.Name(RequestSignature.timeHeader)!),
                signature: request.headers.first(HTTPField.Name(RequestSignature.signatureHeader)!),
                signingKey: { self.state.signingKey(of: $0) },
                drift: drift
            )
        } catch {
            context.logger.warning("refused a federation request: \(error)")
            let status: HTTPResponse.Status = error.code == .unauthenticated ? .unauthorized : .forbidden
            throw APIError(status, code: "federation.\(error.code.rawValue)", message: error.reason)
        }
        let certificate = (try? await ClientCertificate.der(on: context.channel)) ?? nil
        guard let certificate, await certificates.belongs([certificate], to: caller) else {
            context.logger.warning("refused a federation request signed by \(caller): its client certificate is not \(caller)'s")
            throw APIError(
                .forbidden,
                code: "federation.\(FederationError.Code.certificateMismatch.rawValue)",
                message: "The client certificate is not that of \(caller): present the certificate the federation issued to this node."
            )
        }
        var context = context
        context.caller = caller
        context.body = bytes
        return try await next(request, context)
    }
}
