import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Foundation
import Hummingbird

/// The history of a case (`/registry/cases/{id}/history`): each change of a field, who made it and
/// when, newest first, limited to the tabs the reader may read — the service's rule, as for the
/// API's `GET /cases/{id}/history`, and audited the same way.
struct CaseHistoryController: Sendable {
    let registry: RegistryPages

    func addRoutes(to readers: RouterGroup<NodeRequestContext>) {
        readers.get("/registry/cases/{id}/history") { request, context in try await self.history(request, context: context) }
    }

    func history(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
        guard let id = RegistryPages.caseID(context) else { return registry.failure(RegistryError.notFound, state: state, context: context) }
        do {
            let entries = try await registry.service.history(id, by: actor)
            try await registry.auditor.commit(.registryRead, actor, subject: "case:\(id)", [("what", "history"), ("entries", String(entries.count))])
            let rows: [[String: Any]] = entries.sorted { $0.at > $1.at }.map { entry in
                [
                    "when": Self.swissTime(entry.at), "who": entry.actor, "field": entry.field,
                    "old": entry.oldValue ?? "—", "new": entry.newValue ?? "—",
                ]
            }
            let texts = PageText.texts(state.language)
            let data: [String: Any] = ["case_id": String(id), "entries": rows, "has_entries": !rows.isEmpty]
            return registry.pages.renderer.render("case_history", title: "\(texts["history_title"] ?? "") \(id)", data, state: state)
        } catch {
            return registry.failure(error, state: state, context: context)
        }
    }

    /// `dd.MM.yyyy HH:mm` in Switzerland.
    static func swissTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Zurich") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        return "\(two(parts.day)).\(two(parts.month)).\(parts.year ?? 0) \(two(parts.hour)):\(two(parts.minute))"
    }
}
