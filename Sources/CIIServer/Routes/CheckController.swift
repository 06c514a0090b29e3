public import CIIAccess
public import CIICore
public import CIIFederation
public import CIIStore
import Foundation
public import Hummingbird
import Logging
import NIOCore
import Prometheus

/// `POST /api/v1/checks`: the alert check over HTTPS.
///
/// Body `{"avs": "756.9217.0769.85"}`; answer `{"known": true, "matches": [{"dispositif": "CMS",
/// "node": "cms-vs", "lastFollowUp": "2025-04-17"}], "followedHere": false, "window": {"years": 3,
/// "from": "2022-11-23", "to": "2026-11-23"}}`. A bad number is a 422 with the rule that failed.
/// Once the node holds the coordinator's respondent directory, each match also carries
/// `"contacts": [{"name", "region", "phone", "email"}]`: whom to call at that dispositif.
///
/// The caller is an integration with an API token (`Authorization: Bearer ciid_…`), or a logged-in
/// person whose session cookie comes with the header `X-CSRF-Token`; anyone else gets a 401.
/// Each caller's checks are limited per minute and per day (429 with `Retry-After`), and every
/// check goes to the audit log with its fingerprint, never the number.
public struct CheckController: Sendable {
    let checker: AlertChecker
    let metrics: NodeMetrics
    let access: AccessControl
    let today: @Sendable () -> Day
    let respondents: RespondentBook?

    /// Creates the controller.
    /// - Parameter respondents: the coordinator's respondent directory as the node holds it: each
    ///   match then lists whom to contact there.
    public init(
        checker: AlertChecker,
        metrics: NodeMetrics,
        access: AccessControl,
        today: @escaping @Sendable () -> Day,
        respondents: RespondentBook? = nil
    ) {
        self.checker = checker
        self.metrics = metrics
        self.access = access
        self.today = today
        self.respondents = respondents
    }

    /// Adds the route to `router`, behind the token and session authenticators.
    public func addRoutes(to router: Router<NodeRequestContext>) {
        router.group("/api/v1")
            .add(middleware: TokenAuthenticator(access: access))
            .add(middleware: SessionAuthenticator(access: access))
            .post("/checks") { request, context in try await self.check(request, context: context) }
    }

    func check(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let language = request.headers.first(.acceptLanguage).map { Language(acceptLanguage: $0) } ?? .en
        let principal = try authorize(request, context: context)
        if let limit = access.admitCheck(principal) {
            metrics.checksLimited.increment()
            var error = APIError(.tooManyRequests, code: "check.rate_limited", message: limit.message(language))
            error.retryAfter = limit.window == .minute ? 60 : 3600
            throw error
        }
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let avs: AVSNumber
        switch CheckRequestBody.read(body) {
        case .number(let number):
            avs = number
        case .invalid(let error):
            metrics.checksInvalid.increment()
            access.recordInvalidCheck(principal, reason: error.code.rawValue)
            throw APIError(.unprocessableContent, code: error.code.rawValue, message: error.message(language))
        case .notJSON:
            throw APIError(.badRequest, code: "request.invalid_json", message: "The body must be JSON of the form {\"avs\": \"756.XXXX.XXXX.XX\"}.")
        }
        let started = ContinuousClock.now
        let answer: CheckAnswer
        do {
            answer = try checker.check(avs, today: today())
        } catch {
            context.logger.error("check failed: \(error)")
            throw APIError(.internalServerError, code: "check.unavailable", message: "The replica cannot be read; the administrator has been told.")
        }
        metrics.checkDuration.record(ContinuousClock.now - started)
        do {
            try await access.recordCheck(principal, fingerprint: answer.fingerprint, matches: answer.matches.count)
        } catch {
            throw APIError.auditUnavailable  // the writer logs why, once
        }
        metrics.checksAnswered.increment()  // the same for a hit and a miss: metrics tell no answer
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: CheckAnswerFormat.jsonBytes(answer, respondents: respondents?.directory)))
        )
    }

    /// The caller, if it may check: a token with the `checks` scope, or a session whose request
    /// carries its anti-forgery token.
    func authorize(_ request: Request, context: NodeRequestContext) throws -> Principal {
        switch context.identity {
        case .token(let token) where token.scope == .checks:
            return .token(token)
        case .session(let session) where !session.account.mustChangePassword:
            guard access.csrfMatches(session, request.headers[.init("X-CSRF-Token")!]) else {
                metrics.checksForbidden.increment()
                throw APIError(.forbidden, code: "auth.csrf", message: "A call with the session cookie must send the header X-CSRF-Token.")
            }
            return .session(session)
        case .session:
            metrics.checksForbidden.increment()
            throw APIError(.forbidden, code: "auth.password_change", message: "Change the one-time password on the page before checking.")
        default:
            metrics.checksForbidden.increment()
            throw APIError(
                .unauthorized,
                code: "auth.required",
                message: "Log in on the node's page, or send an API token as `Authorization: Bearer ciid_…` (ask the node's admin)."
            )
        }
    }
}
