import CIIFederation
import Foundation
public import Hummingbird
import NIOCore

/// The federation's public side, on the caseworkers' port: the coordinator's signed manifest
/// (`GET /federation/manifest`: signed, it needs no secrecy; with an `ETag`, and `304 Not
/// Modified` without a body for a member whose `If-None-Match` names it), and a clear refusal for the routes
/// that moved to the members-only federation port with wire version 2, which nodes of the
/// previous version still call here.
public struct ManifestController: Sendable {
    let manifestPath: String?

    /// Creates the controller; `manifestPath` is set on the coordinator, which serves the manifest.
    public init(manifestPath: String?) {
        self.manifestPath = manifestPath
    }

    /// Adds the routes to `router`.
    public func addRoutes(to router: Router<NodeRequestContext>) {
        if let manifestPath {
            router.get("/federation/manifest") { request, _ in
                guard let data = FileManager.default.contents(atPath: manifestPath) else {
                    throw APIError(.serviceUnavailable, code: "federation.no_manifest", message: "The federation has no manifest yet.")
                }
                let bytes = [UInt8](data)
                let tag = ManifestTag.of(bytes)
                if let held = request.headers[.ifNoneMatch], ManifestTag.matches(held, tag: tag) {
                    return Response(status: .notModified, headers: [.eTag: tag, .cacheControl: "no-cache"])
                }
                return Response(
                    status: .ok,
                    headers: [.contentType: "application/json", .cacheControl: "no-cache", .eTag: tag],
                    body: .init(byteBuffer: ByteBuffer(bytes: bytes))
                )
            }
        }
        let moved = APIError(
            .gone,
            code: "federation.moved",
            message:
                "Since wire version 2 the federation routes answer members only, on the federation port (mutual TLS, signed requests). Upgrade this node and join again (admin guide, \"Upgrading a federation\")."
        )
        router.post("/federation/batches") { _, _ -> Response in throw moved }
        router.get("/federation/changes") { _, _ -> Response in throw moved }
        router.get("/federation/digest") { _, _ -> Response in throw moved }
    }
}
