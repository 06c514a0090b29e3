import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Hummingbird
import Logging

/// The cancellation of a case (`/registry/cases/{id}/cancel`, the bureau, as the API's
/// `POST /cases/{id}/cancellation`): a confirmation page with the mandatory reason; once
/// cancelled, the bureau's e-mail is sent as the API sends it.
struct CaseCancellationController: Sendable {
    let registry: RegistryPages

    func addRoutes(to bureau: RouterGroup<NodeRequestContext>) {
        bureau.get("/registry/cases/{id}/cancel") { request, context in
            let state = PageState(request: request, context: context)
            guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
            guard let id = RegistryPages.caseID(context) else { return registry.failure(RegistryError.notFound, state: state, context: context) }
            do {
                let view = try await registry.openCase(id, actor, what: "cancellation")
                return render(view, state: state, reason: "", problems: [:])
            } catch {
                return registry.failure(error, state: state, context: context)
            }
        }
        bureau.post("/registry/cases/{id}/cancel") { request, context in try await self.cancel(request, context: context) }
    }

    /// Cancels the case with the reason given; without one (or when stale) the confirmation again.
    func cancel(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
        guard let id = RegistryPages.caseID(context) else { return registry.failure(RegistryError.notFound, state: state, context: context) }
        let form = try context.checkedForm()
        let reason = form["reason"] ?? ""
        do {
            let current = try await registry.service.readCase(id, by: actor)
            guard let etag = RegistryPages.etag(form["etag"]) else { throw RegistryError(.conflict, "no etag") }
            do {
                let notice = try await registry.auditor.change(.registryChange, actor, subject: "case:\(id)", [("operation", "cancel")]) {
                    try await registry.service.cancel(id, reason: reason, ifMatch: etag, by: actor)
                }
                mailBureau(notice, context: context)
                let texts = PageText.texts(state.language)
                return registry.pages.renderer.message(
                    texts["cancel_title"] ?? "",
                    texts["cancel_done"] ?? "",
                    back: "/registry/cases",
                    state: state,
                    status: .ok
                )
            } catch let error as RegistryError where error.kind == .invalid || error.kind == .conflict {
                let problems = RegistryPages.messages(error.problems, state.language)
                let stale = error.kind == .conflict ? registry.pages.text("stale", state) : nil
                return render(
                    current,
                    state: state,
                    reason: reason,
                    problems: problems,
                    error: stale,
                    status: stale == nil ? .unprocessableContent : .conflict
                )
            }
        } catch {
            return registry.failure(error, state: state, context: context)
        }
    }

    /// Tells the bureau by e-mail, as the API does: after the commit, without holding the answer.
    func mailBureau(_ notice: BureauNotice, context: NodeRequestContext) {
        guard let bureauMail = registry.bureauMail else { return }
        let logger = context.logger
        Task {
            do {
                try await bureauMail.sendCancellation(caseID: notice.caseID, by: notice.by, at: notice.at)
            } catch {
                logger.error("registry: the e-mail to the bureau about cancelled case \(notice.caseID) failed (\(error)); the notice is in its queue")
            }
        }
    }

    /// The confirmation page with the reason typed and its problem.
    func render(
        _ view: CaseView,
        state: PageState,
        reason: String,
        problems: [String: String],
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let texts = PageText.texts(state.language)
        var field = CaseFieldMaker(values: ["reason": reason], texts: texts).field("reason", "f_reason", .textarea)
        field.error = problems["reason"]
        let general = problems.filter { $0.key != "reason" }.map(\.value)
        let message = error ?? (problems.isEmpty ? nil : ([texts["form_problems"] ?? ""] + general).joined(separator: " "))
        let data: [String: Any] = ["case": registry.caseHeader(view, state.language), "fields": [field.context()], "etag": String(view.etag.version)]
        return registry.pages.renderer.render("case_cancel", title: texts["cancel_title"] ?? "", data, state: state, error: message, status: status)
    }
}
