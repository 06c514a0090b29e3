import CIICore
import CIIStore
public import Curl
import Foundation

/// This node's requests to its peers' members-only federation ports: mutual TLS with the node's
/// certificate, each request signed with its Ed25519 key (``RequestSignature``), the peer's
/// certificate checked against the federation CA (and the peer's own CA, for that peer alone),
/// on one kept-alive connection per peer (``FederationState/session(for:)``).
public struct FederationClient: Sendable {
    /// The node's view of the federation.
    public let state: FederationState
    /// The node's TLS certificate chain and key (PEM files), presented as its client certificate.
    public let certificate: (chain: String, key: String)

    /// Creates the client of the node at `state`, presenting `certificate`.
    public init(state: FederationState, certificate: (chain: String, key: String)) {
        self.state = state
        self.certificate = certificate
    }

    /// Sends a signed request to `member`'s federation port.
    /// - Parameters:
    ///   - target: the path and query, such as `/federation/changes?after=12`.
    /// - Throws: ``FederationError`` `notAMember` when the manifest names no federation endpoint
    ///   for `member` (a node of the previous version), or the transfer's ``CurlError``.
    public func send(
        _ method: String,
        _ target: String,
        to member: Manifest.Member,
        body: [UInt8] = [],
        timeoutSeconds: Int = 30
    ) async throws -> HTTPResponse {
        guard let endpoint = member.federationEndpoint else {
            throw FederationError(
                .unsupportedVersion,
                "the manifest lists no federation endpoint for \(member.id): it runs a ciid before wire version 2; its admin upgrades it and joins again (admin guide, \"Upgrading a federation\")"
            )
        }
        var headers = RequestSignature.headers(method: method, target: target, body: body, node: state.node, signer: state.identity.signing)
        if method != "GET" { headers.append(("Content-Type", "application/octet-stream")) }
        let request = HTTPRequest(
            method: method,
            url: endpoint + target,
            headers: headers,
            body: body,
            caFile: state.caFile(for: member.id),
            clientCertificate: (certificate.chain, certificate.key),
            timeoutSeconds: timeoutSeconds
        )
        let response = try await BlockingTransfer.perform(request, session: state.session(for: member.id))
        FederationMetrics.exchanged(peer: member.id, sent: body.count, answered: response.body.count)
        return response
    }
}
