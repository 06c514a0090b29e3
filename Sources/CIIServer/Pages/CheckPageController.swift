import CIIAccess
import CIICore
import CIIFederation
import CIIStore
import Foundation
import Hummingbird
import Prometheus

/// The check page: type an AVS number, see which other dispositifs followed the person in the
/// window, and what to do next.
struct CheckPageController: Sendable {
    let pages: Pages

    func addRoutes(to router: RouterGroup<NodeRequestContext>) {
        router.get("/check") { request, context in self.page(PageState(request: request, context: context), session: try context.signedIn()) }
        router.post("/check") { request, context in try await self.check(request, context: context) }
    }

    func page(
        _ state: PageState,
        session: Session,
        data: [String: Any] = [:],
        notice: String? = nil,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var data = data
        data["checks_left"] = String(pages.access.checksLeftToday(.session(session)))
        return pages.renderer.render(
            "check",
            title: pages.text("check_title", state),
            data,
            state: state,
            unread: pages.unread(state),
            notice: notice,
            error: error,
            status: status
        )
    }

    func check(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        let session = try context.signedIn()
        let form = try context.checkedForm()
        let principal = Principal.session(session)
        if let limit = pages.access.admitCheck(principal) {
            pages.metrics.checksLimited.increment()
            return page(state, session: session, data: ["limit": limit.message(state.language)], status: .tooManyRequests)
        }
        let avs: AVSNumber
        do {
            avs = try AVSNumber(form["avs"] ?? "")
        } catch {
            pages.metrics.checksInvalid.increment()
            pages.access.recordInvalidCheck(principal, reason: error.code.rawValue)
            return page(state, session: session, error: error.message(state.language), status: .unprocessableContent)
        }
        let answer: CheckAnswer
        do {
            answer = try pages.checker.check(avs, today: pages.today())
        } catch {
            return pages.unavailable(error, state: state, context: context)
        }
        do {
            try await pages.access.recordCheck(principal, fingerprint: answer.fingerprint, matches: answer.matches.count)
        } catch {
            // The writer logs why, once.
            return page(state, session: session, error: pages.text("audit_unavailable", state), status: .serviceUnavailable)
        }
        pages.metrics.checksAnswered.increment()  // the same for a hit and a miss: metrics tell no answer
        return page(
            state,
            session: session,
            data: ["result": Self.result(answer, language: state.language, respondents: pages.respondents?.directory)]
        )
    }

    static func result(_ answer: CheckAnswer, language: Language, respondents: RespondentDirectory? = nil) -> [String: Any] {
        let matches: [[String: Any]] = answer.matches.map { match in
            var item: [String: Any] = [
                "code": match.dispositif.code(language),
                "name": match.dispositif.name(language),
                "month": match.lastFollowUp.swissMonth,
            ]
            if let respondents {
                let contacts = respondents.contacts(at: match.dispositif)
                item["directory"] = true
                item["contacts"] = contacts.map { ["person": $0.name, "region": $0.region, "phone": $0.phone, "email": $0.email] }
                item["no_contact"] = contacts.isEmpty
            }
            return item
        }
        return [
            "known": !answer.matches.isEmpty,
            "matches": matches,
            "followed_here": answer.followedHere,
            "window_from": answer.windowStart.swiss,
            "window_to": answer.checkedOn.swiss,
            "window_years": String(answer.window.years),
        ]
    }
}
