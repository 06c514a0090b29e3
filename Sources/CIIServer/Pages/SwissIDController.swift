import CIIAccess
import CIICore
import Hummingbird
import Logging
import Prometheus

/// Logging in with SwissID (coordinator, when `[swissid]` is configured): `/login/swissid` sends the
/// browser to the provider, `/login/swissid/callback` takes it back, exchanges the code, checks the
/// ID token and opens a session for the account linked to that SwissID.
struct SwissIDController: Sendable {
    let pages: Pages
    let client: SwissIDClient

    /// The cookie tying a login under way to the browser that began it. `Lax`, not `Strict`: the
    /// provider's redirect back is a navigation from another site, which must carry it.
    static let cookie = "__Host-ciid-swissid"

    func addRoutes(to router: RouterGroup<NodeRequestContext>) {
        router.get("/login/swissid") { request, context in await self.begin(request, context: context) }
        router.get("/login/swissid/callback") { request, context in await self.callback(request, context: context) }
    }

    func begin(_ request: Request, context: NodeRequestContext) async -> Response {
        let state = PageState(request: request, context: context)
        if let session = state.session { return Pages.redirect(pages.renderer.home(for: session.account)) }
        do {
            guard
                let start = try pages.access.beginSwissIDLogin(
                    invitation: request.uri.queryParameters["invitation"].map(String.init),
                    client: context.clientAddress
                )
            else {
                return refusal("swissid_invitation_invalid", state: state, status: .badRequest)
            }
            let url = try await client.authorizationURL(state: start.state, nonce: start.nonce, verifier: start.verifier)
            var response = Pages.redirect(url)
            response.setCookie(Self.browserCookie(start.browser, maxAge: 600))
            return response
        } catch let error as SwissIDError {
            context.logger.error("SwissID cannot be reached: \(error)")
            return refusal("swissid_unavailable", state: state, status: .badGateway)
        } catch let error as AccessError where error.code == .busy {
            context.logger.warning("\(error)")
            var response = refusal("swissid_unavailable", state: state, status: .serviceUnavailable)
            response.headers[.retryAfter] = "60"
            return response
        } catch {
            return pages.unavailable(error, state: state, context: context)
        }
    }

    func callback(_ request: Request, context: NodeRequestContext) async -> Response {
        let state = PageState(request: request, context: context)
        let query = request.uri.queryParameters
        var response: Response
        do {
            guard let given = query["state"].map(String.init),
                let pending = try pages.access.takeSwissIDLogin(
                    state: given,
                    browser: request.cookies[Self.cookie]?.value,
                    client: context.clientAddress
                )
            else {
                response = refusal("swissid_expired", state: state, status: .badRequest)
                response.setCookie(Self.browserCookie("ended", maxAge: 0))
                return response
            }
            if query["error"] != nil || query["code"] == nil {
                pages.access.recordSwissIDFailure(
                    SwissIDError(.codeRefused, "the provider sent no code (the person cancelled, or it refused)"),
                    client: context.clientAddress
                )
                response = refusal("swissid_cancelled", state: state, status: .unauthorized)
            } else {
                let identity = try await client.identity(code: String(query["code"] ?? ""), verifier: pending.verifier, nonce: pending.nonce)
                response = try opened(pages.access.completeSwissIDLogin(identity, pending: pending, client: context.clientAddress), state: state)
            }
        } catch let error as SwissIDError {
            pages.access.recordSwissIDFailure(error, client: context.clientAddress)
            pages.metrics.loginsRefused.increment()
            let unreachable: Set<SwissIDError.Code> = [.discovery, .keys, .tokenExchange]
            response =
                unreachable.contains(error.code)
                ? refusal("swissid_unavailable", state: state, status: .badGateway)
                : refusal("swissid_refused", state: state, status: .forbidden)
        } catch {
            response = pages.unavailable(error, state: state, context: context)
        }
        response.setCookie(Self.browserCookie("ended", maxAge: 0))
        return response
    }

    /// The session's cookie and the way on, or the page saying why there is no session.
    func opened(_ login: SwissIDLogin, state: PageState) -> Response {
        switch login {
        case .session(let opened):
            pages.metrics.loginsSucceeded.increment()
            // A page that moves on by itself rather than a redirect: the browser arrives here from
            // the provider's site, and a redirect from such a navigation would not carry the
            // session's `SameSite=Strict` cookie; the page's own navigation does.
            var response = pages.renderer.render(
                "swissid_done",
                title: pages.text("swissid_done_title", state),
                ["next": pages.renderer.home(for: opened.session.account)],
                state: state
            )
            response.setCookie(Pages.cookie(SessionAuthenticator.cookie, opened.token))
            return response
        case .refused(let reason):
            pages.metrics.loginsRefused.increment()
            switch reason {
            case .unlinked: return refusal("swissid_unlinked", state: state, status: .forbidden)
            case .disabled: return refusal("swissid_disabled", state: state, status: .forbidden)
            case .expired: return refusal("swissid_account_expired", state: state, status: .forbidden)
            case .invitationInvalid: return refusal("swissid_invitation_invalid", state: state, status: .badRequest)
            case .alreadyLinked: return refusal("swissid_already_linked", state: state, status: .conflict)
            }
        }
    }

    /// The message page of `key` (its title is `key_title`), with a way back to the login page.
    func refusal(_ key: String, state: PageState, status: HTTPResponse.Status) -> Response {
        pages.renderer.message(pages.text("\(key)_title", state), pages.text(key, state), back: "/login", state: state, status: status)
    }

    /// The browser's cookie for a login under way: HTTPS only, invisible to scripts, `SameSite=Lax`.
    static func browserCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: cookie, value: value, maxAge: maxAge, path: "/", secure: true, httpOnly: true, sameSite: .lax)
    }
}
