public import CIICore
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
/// Until caseworker login exists, only clients on loopback are answered (403 otherwise).
public struct CheckController: Sendable {
    let checker: AlertChecker
    let metrics: NodeMetrics
    let today: @Sendable () -> Day

    /// Creates the controller.
    public init(checker: AlertChecker, metrics: NodeMetrics, today: @escaping @Sendable () -> Day) {
        self.checker = checker
        self.metrics = metrics
        self.today = today
    }

    struct CheckRequest: Decodable {
        let avs: String
    }

    /// Adds the route to `router`.
    public func addRoutes(to router: Router<NodeRequestContext>) {
        router.post("/api/v1/checks") { request, context in try await self.check(request, context: context) }
    }

    func check(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let language = request.headers[.acceptLanguage] == nil ? Language.en : Language(acceptLanguage: request.headers[.acceptLanguage])
        guard context.isLoopback else {
            metrics.checksForbidden.increment()
            throw APIError(
                .forbidden,
                code: "check.loopback_only",
                message: "Checks are answered only to clients on this machine until caseworker login is enabled."
            )
        }
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard let input = try? JSONDecoder().decode(CheckRequest.self, from: Data(body.readableBytesView)) else {
            throw APIError(.badRequest, code: "request.invalid_json", message: "The body must be JSON of the form {\"avs\": \"756.XXXX.XXXX.XX\"}.")
        }
        let avs: AVSNumber
        do {
            avs = try AVSNumber(input.avs)
        } catch {
            metrics.checksInvalid.increment()
            throw APIError(.unprocessableContent, code: error.code.rawValue, message: error.message(language))
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
        (answer.matches.isEmpty ? metrics.checksUnknown : metrics.checksKnown).increment()
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: CheckAnswerFormat.json(answer)))
        )
    }
}
