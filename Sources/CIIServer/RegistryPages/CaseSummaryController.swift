import CIIAccess
import CIICore
import CIIRegistry
import Hummingbird

/// The printable summary of a case (`/registry/cases/{id}/summary`): every tab its reader may
/// read on one page, read as the case page is (audited), printed without navigation or forms.
struct CaseSummaryController: Sendable {
    let registry: RegistryPages

    func addRoutes(to readers: RouterGroup<NodeRequestContext>) {
        readers.get("/registry/cases/{id}/summary") { request, context in try await self.summary(request, context: context) }
    }

    func summary(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
        guard let id = RegistryPages.caseID(context) else { return registry.failure(RegistryError.notFound, state: state, context: context) }
        do {
            let view = try await registry.openCase(id, actor, what: "summary")
            let texts = PageText.texts(state.language)
            let options = try await registry.options(state.language, actor, directory: true, codes: true)
            var sections = [[String: Any]]()
            for tab in CasePageTab.allCases where tab.isReadable(in: view) {
                let (values, rows) = tab.values(of: view)
                var fields = tab.fields(values, rows: rows, texts: texts, options: options)
                if tab == .gravity { fields.single = [] }  // the form's inputs; the summary shows the score
                var section: [String: Any] = [
                    "name": tab.rawValue, "label": texts[tab.textKey] ?? tab.rawValue,
                    "single": fields.single.map { $0.context() }, "has_single": !fields.single.isEmpty,
                    "columns": (fields.rows.first ?? []).map { ["label": $0.label] },
                    "rows": fields.rows.map { ["fields": $0.map { $0.context() }] },
                    "has_rows": !fields.rows.isEmpty, "is_rows": tab.rowPrefix != nil, "extra": false,
                ]
                if tab == .gravity, let score = view.gravity {
                    var extra: [String: Any] = ["is_gravity": true, "computed": score.computed.description, "effective": score.effective.description]
                    if let review = score.review {
                        extra["review"] =
                            [
                                "index": review.index.description, "by": review.reviewedBy, "on": Day(review.reviewedAt).swiss,
                                "reason": review.overrideReason.map { $0 as Any } ?? false,
                            ] as [String: Any]
                    }
                    section["extra"] = extra
                }
                sections.append(section)
            }
            let data: [String: Any] = [
                "case": registry.caseHeader(view, state.language), "sections": sections, "printed": registry.pages.today().swiss,
            ]
            let title = "\(texts["summary_title"] ?? "") \(view.id)"
            return registry.pages.renderer.render("case_summary", title: title, data, state: state)
        } catch {
            return registry.failure(error, state: state, context: context)
        }
    }
}
