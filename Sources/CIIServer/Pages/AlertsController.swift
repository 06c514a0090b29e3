import CIIAccess
import CIICore
import Foundation
import Hummingbird

/// The inbox of overlap alerts: one of the caseworker's people appeared in another dispositif's
/// set. Below them, the overlaps already there at the first exchange with that dispositif.
struct AlertsController: Sendable {
    let pages: Pages

    func addRoutes(to router: RouterGroup<NodeRequestContext>) {
        router.get("/alerts") { request, context in
            await self.page(PageState(request: request, context: context), session: try context.signedIn(), context: context)
        }
        router.post("/alerts/{id}/read") { request, context in try await self.markRead(request, context: context) }
    }

    func page(_ state: PageState, session: Session, context: NodeRequestContext, notice: String? = nil) async -> Response {
        let listing: AlertListing
        do throws(AlertListingError) {
            listing = try await pages.inbox.listing(for: session.account, client: context.clientAddress)
        } catch {
            switch error {
            case .audit:
                // Nothing is shown without its audit entry; the writer logs why, once.
                let text = pages.text("audit_unavailable", state)
                return pages.renderer.message(
                    pages.text("error_title", state),
                    text,
                    back: pages.renderer.home,
                    state: state,
                    status: .serviceUnavailable
                )
            case .storage(let failure):
                return pages.unavailable(failure, state: state, context: context)
            }
        }
        let alerts = listing.alerts
        let rows: [[String: Any]] = alerts.map { alert in
            var row = Self.row(alert, state)
            if alert.readAt == nil { row["unread"] = true }
            return row
        }
        let known = listing.existing.map { Self.row($0, state) }
        return pages.renderer.render(
            "alerts",
            title: pages.text("alerts_title", state),
            ["alerts": rows, "has_alerts": !rows.isEmpty, "existing": known, "has_existing": !known.isEmpty],
            state: state,
            unread: alerts.filter { $0.readAt == nil }.count,
            notice: notice
        )
    }

    /// One line of either table.
    static func row(_ alert: InboxAlert, _ state: PageState) -> [String: Any] {
        [
            "id": String(alert.id),
            "recorded": Day(alert.recordedAt).swiss,
            "code": alert.dispositif.code(state.language),
            "name": alert.dispositif.name(state.language),
            "their_last": alert.theirLastFollowUp.swissMonth,
            "reference": alert.reference ?? "—",
            "caseworker": alert.caseworker ?? "—",
        ]
    }

    func markRead(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        let session = try context.signedIn()
        guard let id = context.parameters.get("id", as: Int64.self) else { return Pages.redirect("/alerts") }
        do {
            try pages.inbox.markRead(id, by: session.account)
        } catch {
            return pages.unavailable(error, state: state, context: context)
        }
        return Pages.redirect("/alerts")
    }
}
