import CIIAccess
import CIICore
import Foundation
import Hummingbird
import Mustache
import NIOCore

/// Renders the pages: the compiled templates, the texts of the request's language, and the
/// cookies a page must set.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let nodeName: String
    /// A dispositif node shows the check and alerts; the coordinator does not.
    let nodeRole: NodeRole

    init(nodeName: String, nodeRole: NodeRole = .dispositif) {
        var library = MustacheLibrary()
        for (name, text) in PageTemplates.all {
            do {
                try library.register(text, named: name)
            } catch {
                preconditionFailure("the page template `\(name)` does not parse: \(error)")
            }
        }
        self.library = library
        self.nodeName = nodeName
        self.nodeRole = nodeRole
    }

    /// Where a signed-in person lands when the role is not known: the check on a dispositif node,
    /// the account page on the coordinator.
    var home: String { nodeRole == .dispositif ? "/check" : "/account" }

    /// Where `account` lands after signing in: the check on a dispositif node; on the coordinator
    /// their cases for the roles that work on cases (MX-CII's "Mes cas"), the account page for
    /// the others (the administrator).
    func home(for account: Account) -> String {
        guard nodeRole == .coordinator else { return home }
        return [.respondent, .coordinator, .bureau].contains(account.role) ? "/registry/cases" : home
    }

    /// The page `template` filled with `data`, the texts, the user's menu and the form token.
    func render(
        _ template: String,
        title: String,
        _ data: [String: Any],
        state: PageState,
        unread: Int? = nil,
        notice: String? = nil,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = data
        let texts = PageText.texts(state.language)
        context["t"] = texts
        context["lang"] = state.language.rawValue
        context["other_lang"] = state.language == .de ? "fr" : "de"
        context["title"] = title
        context["node"] = nodeName
        context["dispositif_node"] = nodeRole == .dispositif
        context["coordinator_node"] = nodeRole == .coordinator
        context["csrf"] = state.csrf
        context["path"] = state.path
        if let notice { context["notice"] = notice }
        if let error { context["error"] = error }
        if let session = state.session {
            var user: [String: Any] = [
                "name": session.account.name, "email": session.account.email, "is_admin": session.account.role == .admin,
                "reads_cases": [.respondent, .coordinator, .bureau].contains(session.account.role),
                "creates_cases": [.respondent, .bureau].contains(session.account.role),
                // The registry's menu on the coordinator: the bureau's pages, and the lists the bureau and admin keep.
                "is_bureau": session.account.role == .bureau,
                "keeps_lists": session.account.role == .bureau || session.account.role == .admin,
            ]
            if let unread, unread > 0 { user["unread"] = String(unread) }
            context["user"] = user
        }
        let html = library.render(context, withTemplate: template) ?? ""
        var response = Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
        if state.newCSRFCookie {
            response.setCookie(Cookie(name: PageState.csrfCookie, value: state.csrf, path: "/", secure: true, httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// A short page with a heading, a sentence and a way back.
    func message(_ heading: String, _ text: String, back: String, state: PageState, status: HTTPResponse.Status) -> Response {
        render("message", title: heading, ["heading": heading, "text": text, "back": back], state: state, status: status)
    }
}
