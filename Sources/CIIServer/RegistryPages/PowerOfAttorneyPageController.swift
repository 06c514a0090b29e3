import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Foundation
import Hummingbird

/// The powers of attorney to renew (bureau only): the open cases whose latest power of attorney
/// has expired or expires within the days asked (30 by default), each linked to its case. The
/// list names people, so showing it is audited first, as the API's list is.
struct PowerOfAttorneyPageController: Sendable {
    let registry: RegistryPages

    /// The most days ahead the list looks.
    static let maximumDays = 365

    func addRoutes(to group: RouterGroup<NodeRequestContext>) {
        group.get("/registry/powers-of-attorney") { request, context in await page(request, context: context) }
    }

    /// The list for the `within` days of the query (30 when absent); a bad value is said next to the field.
    func page(_ request: Request, context: NodeRequestContext) async -> Response {
        let state = PageState(request: request, context: context)
        var errors = BureauFormErrors(language: state.language)
        let text = request.uri.queryParameters["within"].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        var within = PowerOfAttorney.warningDays
        if !text.isEmpty {
            if let given = Int(text), (0...Self.maximumDays).contains(given) {
                within = given
            } else {
                errors.add(
                    "within",
                    LocalizedText(
                        fr: "Un nombre de jours de 0 à \(Self.maximumDays).",
                        de: "Eine Anzahl Tage von 0 bis \(Self.maximumDays).",
                        en: "A number of days from 0 to \(Self.maximumDays)."
                    )
                )
            }
        }
        let today = registry.pages.today()
        let alerts: [PowerOfAttorneyAlert]
        do {
            guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
            alerts = errors.isEmpty ? try await registry.service.powersOfAttorney(on: today, within: within, by: actor) : []
            if errors.isEmpty {
                try await registry.auditor.commit(
                    .registryRead,
                    actor,
                    [("what", "powers_of_attorney"), ("within", String(within)), ("count", String(alerts.count))]
                )
            }
        } catch {
            return BureauPageFailure.response(error, registry: registry, state: state, context: context, back: "/registry/powers-of-attorney")
        }
        let language = state.language
        let rows: [[String: Any]] = alerts.sorted { ($0.expiry, $0.caseID) < ($1.expiry, $1.caseID) }.map { alert in
            [
                "case": String(alert.caseID), "name": "\(alert.surname) \(alert.firstName)", "region": alert.region.label(language),
                "expiry": alert.expiry.swiss, "designation": alert.designation, "expired": alert.status == .expired,
                "status": registry.pages.text(alert.status == .expired ? "poa_expired" : "poa_expires_soon", state),
            ]
        }
        let data: [String: Any] = [
            "alerts": rows, "has_alerts": !rows.isEmpty, "within": errors.isEmpty ? String(within) : text, "errors": errors.messages,
            "today": today.swiss,
        ]
        return registry.pages.renderer.render(
            "powers_of_attorney",
            title: registry.pages.text("poa_title", state),
            data,
            state: state,
            error: errors.isEmpty ? nil : errors.filterSummary,
            status: errors.isEmpty ? .ok : .unprocessableContent
        )
    }
}
