import CIIAccess
import CIICore
import CIIFederation
import CIIStore
import Hummingbird
import Logging

/// What every page controller shares: the access rules, the alerts, the check, the renderer.
struct Pages: Sendable {
    let access: AccessControl
    let inbox: AlertInbox
    let checker: AlertChecker
    let renderer: PageRenderer
    let metrics: NodeMetrics
    let today: @Sendable () -> Day
    /// The coordinator's respondent directory as the node holds it, if it has joined.
    let respondents: RespondentBook?
    /// Whether the login page offers SwissID (`[swissid]` configured on the coordinator).
    var offersSwissID = false

    /// The cookie naming a login whose second factor is awaited.
    static let loginCookie = "__Host-ciid-login"

    /// A 303 redirect (after a form, the browser then GETs `location`).
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A cookie of this site: HTTPS only, invisible to scripts, never sent by other sites.
    static func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: true, httpOnly: true, sameSite: .strict)
    }

    /// Unread alerts of the session's account, for the menu badge (0 when they cannot be read).
    func unread(_ state: PageState) -> Int {
        guard let account = state.session?.account else { return 0 }
        return (try? inbox.unreadCount(for: account)) ?? 0
    }

    /// The page for a failure of the access database.
    func unavailable(_ error: any Error, state: PageState, context: NodeRequestContext) -> Response {
        context.logger.error("a page failed: \(error)")
        let texts = PageText.texts(state.language)
        return renderer.message(texts["error_title"]!, texts["unavailable"]!, back: "/", state: state, status: .serviceUnavailable)
    }

    /// The text of `key` in the request's language.
    func text(_ key: String, _ state: PageState) -> String { PageText.texts(state.language)[key] ?? key }
}
