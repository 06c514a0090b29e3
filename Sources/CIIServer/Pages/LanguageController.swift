import CIIAccess
import CIICore
import Hummingbird

/// The language switch every page carries, for anyone: stored on the account when logged in, in
/// a cookie before.
struct LanguageController: Sendable {
    let pages: Pages

    func addRoutes(to router: RouterGroup<NodeRequestContext>) {
        router.post("/language") { request, context in try await self.language(request, context: context) }
    }

    /// Switches the language: stored on the account when logged in, in a cookie before.
    func language(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        let form = try context.checkedForm()
        guard let language = form["to"].flatMap(Language.init(rawValue:)), language != .en else { return Pages.redirect("/") }
        if let session = state.session, session.account.language != language {
            do {
                _ = try pages.access.update(session.account.id, language: language, by: session.account.auditName)
            } catch {
                return pages.unavailable(error, state: state, context: context)
            }
        }
        var response = Pages.redirect(Self.page(after: form["back"] ?? "/"))
        response.setCookie(
            Cookie(
                name: PageState.languageCookie,
                value: language.rawValue,
                maxAge: 365 * 86_400,
                path: "/",
                secure: true,
                httpOnly: true,
                sameSite: .strict
            )
        )
        return response
    }

    /// The registry's pages (coordinator) that a language switch comes back to.
    static let registryPages: Set<String> = [
        "/registry/directory", "/registry/code-lists", "/registry/users", "/registry/powers-of-attorney", "/registry/trainings",
    ]

    /// The page to show after switching language on `path`: that page, or the page a form on it belongs to.
    static func page(after path: String) -> String {
        let pages = ["/check", "/alerts", "/account/password", "/account", "/admin", "/login/code", "/login"]
        if pages.contains(path) { return path }
        if registryPages.contains(path) { return path }
        if let list = registryPages.first(where: { path.hasPrefix($0 + "/") }) {
            // An edit page (`/registry/directory/12`): one segment of letters, digits, `-` or `_`. A
            // training's page needs its year, which the path does not hold: back to the list.
            let item = path.dropFirst(list.count + 1)
            if list != "/registry/trainings", !item.isEmpty,
                item.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            {
                return path
            }
            return list
        }
        return pages.first { path.hasPrefix($0 + "/") } ?? "/"
    }
}
