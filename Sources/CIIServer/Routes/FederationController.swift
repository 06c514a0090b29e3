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

    /// The largest batch body accepted: a full batch of 5000 changes is about 185 KiB.
    public static let maximumBatchBytes = 1 << 20

    /// Creates the controller; `manifestPath` is set on the coordinator, which serves the manifest.
    public init(receiver: BatchReceiver, manifestPath: String?) {
        self.receiver = receiver
        self.manifestPath = manifestPath
    }

    /// Adds the routes to `router`.
    public func addRoutes(to router: Router<NodeRequestContext>) {
        router.post("/federation/batches") { request, context in try await self.receive(request, context: context) }
        if let manifestPath {
            router.get("/federation/manifest") { _, _ in
                guard let data = FileManager.default.contents(atPath: manifestPath) else {
                    throw APIError(.serviceUnavailable, code: "federation.no_manifest", message: "The federation has no manifest yet.")
                }
                return Response(
                    status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
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
        case .gap(let expected):
            return Self.answer(.conflict, expected)
        }
    }

    static func answer(_ status: HTTPResponse.Status, _ checkpoint: Int64) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\"checkpoint\":\(checkpoint)}")))
    }
}
