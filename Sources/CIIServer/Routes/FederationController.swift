public import CIICore
public import CIIFederation
import CIIStore
import Foundation
public import Hummingbird
import Logging
import NIOCore

/// The federation's routes between nodes: `POST /federation/batches` (every node) and
/// `GET /federation/manifest` (the coordinator).
///
/// A batch is refused with a precise code when it cannot be opened, is not signed by a member,
/// is for another node, or is malformed; a batch after a gap gets 409 with the checkpoint to
/// resend from. Answers are `{"checkpoint": n}`.
public struct FederationController: Sendable {
    let receiver: BatchReceiver
    let manifestPath: String?
    let window: RetentionWindow

    /// The largest batch body accepted: a full batch of 5000 changes is about 185 KiB.
    public static let maximumBatchBytes = 1 << 20

    /// Creates the controller; `manifestPath` is set on the coordinator, which serves the manifest.
    public init(receiver: BatchReceiver, manifestPath: String?, window: RetentionWindow) {
        self.receiver = receiver
        self.manifestPath = manifestPath
        self.window = window
    }

    /// Adds the routes to `router`.
    public func addRoutes(to router: Router<NodeRequestContext>) {
        router.post("/federation/batches") { request, context in try await self.receive(request, context: context) }
        router.get("/federation/digest") { request, _ in try self.digest(request) }
        router.get("/federation/changes") { request, _ in try self.changes(request) }
        if let manifestPath {
            router.get("/federation/manifest") { _, _ in
                guard let data = FileManager.default.contents(atPath: manifestPath) else {
                    throw APIError(.serviceUnavailable, code: "federation.no_manifest", message: "The federation has no manifest yet.")
                }
                return Response(
                    status: .ok,
                    headers: [.contentType: "application/json", .cacheControl: "no-store"],
                    body: .init(byteBuffer: ByteBuffer(bytes: data))
                )
            }
        }
    }

    func receive(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: Self.maximumBatchBytes)
        let outcome: BatchOutcome
        do {
            outcome = try receiver.receive(Array(body.readableBytesView))
        } catch let error as FederationError {
            context.logger.warning("refused a batch: \(error)")
            let status: HTTPResponse.Status =
                switch error.code {
                case .cannotOpen, .badSignature, .wrongRecipient, .notAMember: .forbidden
                case .unknownEpoch: .unprocessableContent
                case .tooLarge: .contentTooLarge
                case .malformed, .sequenceGap: .badRequest
                }
            throw APIError(status, code: "federation.\(error.code.rawValue)", message: error.reason)
        }
        switch outcome {
        case .applied(let checkpoint, let upserted, let retracted, let overlaps):
            context.logger.debug("applied a batch through \(checkpoint): \(upserted) upserts, \(retracted) retractions, \(overlaps) overlaps")
            return Self.answer(.ok, checkpoint)
        case .alreadyApplied(let checkpoint):
            return Self.answer(.ok, checkpoint)
        case .staleReset(let checkpoint, let generation):
            context.logger.notice("ignored a reset at or below generation \(generation) (a replay or an old resend)")
            return Self.answer(.ok, checkpoint)
        case .gap(let expected):
            return Self.answer(.conflict, expected)
        }
    }

    /// `GET /federation/changes?for=NODE&after=N`: the next batch of this node's changes after N,
    /// signed and sealed to NODE (a member) — the pull side of catch-up.
    func changes(_ request: Request) throws -> Response {
        let state = receiver.state
        guard let name = request.uri.queryParameters.get("for"), let node = try? NodeID(name), let boxKey = state.manifest?.boxKey(of: node),
            let dispositif = state.manifest?.member(state.node)?.dispositif
        else {
            throw APIError(.forbidden, code: "federation.notAMember", message: "Changes are sent only to members, named by ?for=NODE.")
        }
        guard let after = request.uri.queryParameters.get("after").flatMap({ Int64($0) }), after >= 0 else {
            throw APIError(.badRequest, code: "federation.bad_after", message: "?after= is the sequence already held, 0 or more.")
        }
        let batch = try BatchBuilder.next(store: receiver.store, origin: state.node, dispositif: dispositif, recipient: node, held: after)
        let sealed = try BatchSeal.seal(batch, signer: state.identity.signing, recipientBoxKey: boxKey)
        return Response(status: .ok, headers: [.contentType: "application/octet-stream"], body: .init(byteBuffer: ByteBuffer(bytes: sealed)))
    }

    /// `GET /federation/digest?for=NODE`: this node's digest, signed, sealed to NODE (a member).
    func digest(_ request: Request) throws -> Response {
        let state = receiver.state
        guard let name = request.uri.queryParameters.get("for"), let node = try? NodeID(name), let boxKey = state.manifest?.boxKey(of: node) else {
            throw APIError(.forbidden, code: "federation.notAMember", message: "Digests are sent only to members, named by ?for=NODE.")
        }
        let today = Day.today()
        let since = window.cutoff(today: today)
        let (sequence, digest) = try receiver.store.ownDigest(since: since)
        let message = DigestMessage(origin: state.node, recipient: node, sequence: sequence, since: since, digest: digest)
        let sealed = try message.sealed(signer: state.identity.signing, recipientBoxKey: boxKey)
        return Response(status: .ok, headers: [.contentType: "application/octet-stream"], body: .init(byteBuffer: ByteBuffer(bytes: sealed)))
    }

    static func answer(_ status: HTTPResponse.Status, _ checkpoint: Int64) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: "{\"checkpoint\":\(checkpoint)}"))
        )
    }
}
