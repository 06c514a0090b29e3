import CIIAccess
import CIICore
import Hummingbird
import Prometheus

/// Logging in and out: e-mail and password, then the second factor, then the session cookie.
struct LoginController: Sendable {
    let pages: Pages

    func addRoutes(to router: RouterGroup<NodeRequestContext>) {
        router.get("/") { request, context in
            guard let session = PageState(request: request, context: context).session else { return Pages.redirect("/login") }
            return Pages.redirect(pages.renderer.home(for: session.account))
        }
        router.get("/login") { request, context in
            let state = PageState(request: request, context: context)
            return self.loginPage(state, notice: request.uri.queryParameters["bye"] != nil ? self.pages.text("logged_out", state) : nil)
        }
        router.post("/login") { request, context in try await self.login(request, context: context) }
        router.get("/login/code") { request, context in self.codePage(request, state: PageState(request: request, context: context)) }
        router.post("/login/code") { request, context in try await self.code(request, context: context) }
        router.post("/login/resend") { request, context in try await self.resend(request, context: context) }
        router.post("/logout") { request, context in try await self.logout(request, context: context) }
    }

    /// The login form, always empty: a refused login does not show the e-mail typed again (the
    /// browser fills it in), so that every refusal is the same page.
    func loginPage(_ state: PageState, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        if let session = state.session { return Pages.redirect(pages.renderer.home(for: session.account)) }
        return pages.renderer.render(
            "login",
            title: pages.text("login_title", state),
            ["email": "", "swissid": pages.offersSwissID],
            state: state,
            notice: notice,
            error: error,
            status: status
        )
    }

    func login(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        let form = try context.checkedForm()
        do {
            switch try await pages.access.beginLogin(email: form["email"] ?? "", password: form["password"] ?? "", client: context.clientAddress) {
            case .pending(let pending):
                var response = Pages.redirect("/login/code")
                response.setCookie(Pages.cookie(Pages.loginCookie, pending.token, maxAge: pages.access.settings.codeMinutes * 60))
                return response
            case .refused(let refusal):
                // The e-mail typed is not shown again: an unknown e-mail, a wrong password and a
                // slowed-down attempt get the same page, byte for byte.
                pages.metrics.loginsRefused.increment()
                return refused(refusal, state: state)
            }
        } catch {
            return pages.unavailable(error, state: state, context: context)
        }
    }

    func codePage(_ request: Request, state: PageState, error: String? = nil, notice: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        guard let token = request.cookies[Pages.loginCookie]?.value, let pending = try? pages.access.pendingLogin(token: token) else {
            return Pages.redirect("/login")
        }
        return pages.renderer.render(
            "code",
            title: pages.text("code_title", state),
            ["by_email": pending.method == .email, "by_totp": pending.method == .totp, "masked_email": pending.maskedEmail],
            state: state,
            notice: notice,
            error: error,
            status: status
        )
    }

    func code(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        let form = try context.checkedForm()
        guard let token = request.cookies[Pages.loginCookie]?.value else { return Pages.redirect("/login") }
        do {
            switch try await pages.access.completeLogin(pending: token, code: form["code"] ?? "", client: context.clientAddress) {
            case .session(let opened):
                pages.metrics.loginsSucceeded.increment()
                let account = opened.session.account
                var response = Pages.redirect(account.mustChangePassword ? "/account/password" : pages.renderer.home(for: account))
                response.setCookie(Pages.cookie(SessionAuthenticator.cookie, opened.token))
                response.setCookie(Pages.cookie(Pages.loginCookie, "ended", maxAge: 0))
                return response
            case .refused(.wrongCode(let remaining)):
                pages.metrics.loginsRefused.increment()
                return codePage(
                    request,
                    state: state,
                    error: LoginRefusal.wrongCode(remaining: remaining).message(state.language),
                    status: .unauthorized
                )
            case .refused(let refusal):
                var response = refused(refusal, state: state)
                response.setCookie(Pages.cookie(Pages.loginCookie, "ended", maxAge: 0))
                return response
            }
        } catch {
            return pages.unavailable(error, state: state, context: context)
        }
    }

    func resend(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        guard let token = request.cookies[Pages.loginCookie]?.value else { return Pages.redirect("/login") }
        do {
            switch try await pages.access.resendCode(pending: token, client: context.clientAddress) {
            case .pending(let pending):
                var response = codePage(request, state: state, notice: "\(pages.text("code_sent", state)) \(pending.maskedEmail).")
                if pending.token != token {
                    response = Pages.redirect("/login/code")
                    response.setCookie(Pages.cookie(Pages.loginCookie, pending.token, maxAge: pages.access.settings.codeMinutes * 60))
                }
                return response
            case .refused(let refusal):
                return refused(refusal, state: state)
            }
        } catch {
            return pages.unavailable(error, state: state, context: context)
        }
    }

    func logout(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        if let session = state.session { try? pages.access.logout(session) }
        var response = Pages.redirect("/login?bye=1")
        response.setCookie(Pages.cookie(SessionAuthenticator.cookie, "ended", maxAge: 0))
        return response
    }

    /// The login page explaining `refusal`, with `Retry-After` when the hashing threads are busy.
    func refused(_ refusal: LoginRefusal, state: PageState) -> Response {
        var response = loginPage(state, error: refusal.message(state.language), status: Self.status(refusal))
        if case .busy(let seconds) = refusal { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    static func status(_ refusal: LoginRefusal) -> HTTPResponse.Status {
        switch refusal {
        case .badCredentials, .wrongCode, .loginExpired: .unauthorized
        case .disabled, .expired: .forbidden
        case .mailUnavailable, .busy: .serviceUnavailable
        }
    }
}
