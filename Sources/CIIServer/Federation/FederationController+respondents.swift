import CIIFederation
import Hummingbird
import NIOCore

extension FederationController {
    /// `GET /federation/respondents`: the signed respondent directory, for members only (the
    /// router's ``MemberAuthenticator`` has checked the caller's certificate and signature).
    func respondentDirectory(context: FederationRequestContext) async throws -> Response {
        let caller = try Self.caller(context)
        try Self.limit(respondentFetches, caller, "the respondent directory")
        guard let json = try await respondents?.json(logger: context.logger) else {
            throw APIError(.notFound, code: "federation.no_respondents", message: "The coordinator publishes no respondent directory yet.")
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: json))
        )
    }
}
