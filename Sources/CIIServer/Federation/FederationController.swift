public import CIICore
public import CIIFederation
import CIIStore
public import Hummingbird
import Logging
import NIOCore

/// The routes of the members-only federation port, behind ``MemberAuthenticator``: every handler
/// knows the calling member (`context.caller`) and answers it alone.
///
/// - `POST /federation/batches`: a batch of the caller's changes. Answers
///   `{"checkpoint": n, "generation": g}`: 200 applied or already held; 409 after a gap (resend
///   after n), or with `"staleReset": true` for a reset whose generation is not above g.
/// - `GET /federation/changes?after=N`: the next batch of this node's changes after N, sealed to the caller.
/// - `GET /federation/digest`: this node's digest, sealed to the caller.
/// - `GET /federation/respondents`: the coordinator's signed directory of the CII respondents
///   (404 `federation.no_respondents` while it has none, or on a dispositif node).
/// - `GET /healthz`: the port answers (members only).
public struct FederationController: Sendable {
    let receiver: BatchReceiver
    let answers: FederationAnswers
    let pulls: MemberRateLimit
    let digests: MemberRateLimit
    /// What the coordinator serves at `/federation/respondents` (nil on a dispositif node).
    public var respondents: RespondentPublication?
    /// How often each member may fetch the respondent directory.
    let respondentFetches = MemberRateLimit(burst: 20, perSecond: 2)

    /// Creates the controller of the node that `receiver` serves.
    /// - Parameters:
    ///   - pulls: how often each member may pull.
    ///   - digests: how often each member may ask for the digest.
    public init(
        receiver: BatchReceiver,
        window: RetentionWindow,
        pulls: MemberRateLimit = MemberRateLimit(burst: 200, perSecond: 50),
        digests: MemberRateLimit = MemberRateLimit(burst: 10, perSecond: 0.2)
    ) {
        self.receiver = receiver
        self.answers = FederationAnswers(receiver: receiver, window: window)
        self.pulls = pulls
        self.digests = digests
    }

    /// The node's view of the federation.
    public var state: FederationState { receiver.state }

    /// Adds the routes to `router` (whose group checks the caller first).
    public func addRoutes(to router: some RouterMethods<FederationRequestContext>) {
        router.post("/federation/batches") { _, context in try await self.receive(context) }
        router.get("/federation/changes") { request, context in try self.changes(request, context: context) }
        router.get("/federation/digest") { _, context in try self.digest(context: context) }
        router.get("/federation/respondents") { _, context in try await self.respondentDirectory(context: context) }
        router.get("/healthz") { _, context in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\"status\":\"ok\"}")))
        }
    }

    func receive(_ context: FederationRequestContext) async throws -> Response {
        let caller = try Self.caller(context)
        let outcome: BatchOutcome
        do {
            outcome = try await receiver.receive(context.body, from: caller)
        } catch let error as FederationError {
            context.logger.warning("refused a batch from \(caller): \(error)")
            let status: HTTPResponse.Status =
                switch error.code {
                case .cannotOpen, .badSignature, .wrongRecipient, .notAMember, .certificateMismatch: .forbidden
                case .unknownEpoch: .unprocessableContent
                case .tooLarge: .contentTooLarge
                case .unauthenticated: .unauthorized
                case .tooManyRequests: .tooManyRequests
                case .malformed, .sequenceGap, .unsupportedVersion: .badRequest
                }
            throw APIError(status, code: "federation.\(error.code.rawValue)", message: error.reason)
        }
        let generation = try receiver.store.resetGeneration(of: caller)
        switch outcome {
        case .applied(let checkpoint, let upserted, let retracted, let overlaps):
            context.logger.debug(
                "applied a batch of \(caller) through \(checkpoint): \(upserted) upserts, \(retracted) retractions, \(overlaps) overlaps"
            )
            return Self.answer(.ok, ReceiverAnswer(checkpoint: checkpoint, generation: generation))
        case .alreadyApplied(let checkpoint):
            return Self.answer(.ok, ReceiverAnswer(checkpoint: checkpoint, generation: generation))
        case .gap(let expected):
            return Self.answer(.conflict, ReceiverAnswer(checkpoint: expected, generation: generation))
        case .staleReset(let checkpoint, let applied):
            context.logger.notice("ignored a reset of \(caller) at or below generation \(applied), the last applied")
            return Self.answer(.conflict, ReceiverAnswer(checkpoint: checkpoint, generation: applied, staleReset: true))
        }
    }

    func changes(_ request: Request, context: FederationRequestContext) throws -> Response {
        let caller = try Self.caller(context)
        if let named = request.uri.queryParameters.get("for"), named != caller.rawValue {
            throw APIError(.forbidden, code: "federation.wrongRecipient", message: "Changes are sent only to the member that asks for them.")
        }
        guard let after = request.uri.queryParameters.get("after").flatMap({ Int64($0) }), after >= 0 else {
            throw APIError(.badRequest, code: "federation.bad_after", message: "?after= is the sequence already held, 0 or more.")
        }
        try Self.limit(pulls, caller, "pulls")
        return Self.sealed(try answers.changes(for: caller, after: after))
    }

    func digest(context: FederationRequestContext) throws -> Response {
        let caller = try Self.caller(context)
        try Self.limit(digests, caller, "digests")
        return Self.sealed(try answers.digest(for: caller))
    }

    static func caller(_ context: FederationRequestContext) throws -> NodeID {
        guard let caller = context.caller else {
            throw APIError(.unauthorized, code: "federation.unauthenticated", message: "Only members reach the federation routes.")
        }
        return caller
    }

    static func limit(_ limit: MemberRateLimit, _ caller: NodeID, _ what: String) throws {
        guard let wait = limit.take(caller) else { return }
        var error = APIError(
            .tooManyRequests,
            code: "federation.\(FederationError.Code.tooManyRequests.rawValue)",
            message: "\(caller) asks for \(what) more often than allowed; retry in \(wait) s."
        )
        error.retryAfter = wait
        throw error
    }

    static func sealed(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/octet-stream"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func answer(_ status: HTTPResponse.Status, _ answer: ReceiverAnswer) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: answer.json)))
    }
}
