import CIIAccess
import CIICore
import Hummingbird
import QRCode

/// A person's own settings: language, digest, password, authenticator app; and the language
/// switch every page carries.
struct AccountController: Sendable {
    let pages: Pages

    /// Adds the settings to `signedIn` and the password change to `passwordChange`, the group that
    /// also serves a person who must still replace their one-time password.
    func addRoutes(to signedIn: RouterGroup<NodeRequestContext>, passwordChange: RouterGroup<NodeRequestContext>) {
        signedIn.get("/account") { request, context in self.page(PageState(request: request, context: context), session: try context.signedIn()) }
        passwordChange.get("/account/password") { request, context in
            self.passwordPage(PageState(request: request, context: context), session: try context.signedIn())
        }
        passwordChange.post("/account/password") { request, context in try await self.changePassword(request, context: context) }
        signedIn.post("/account/settings") { request, context in try await self.settings(request, context: context) }
        signedIn.post("/account/totp/start") { request, context in try await self.totp(request, context: context, step: "start") }
        signedIn.post("/account/totp/confirm") { request, context in try await self.totp(request, context: context, step: "confirm") }
        signedIn.post("/account/totp/remove") { request, context in try await self.totp(request, context: context, step: "remove") }
    }

    func page(_ state: PageState, session: Session, notice: String? = nil) -> Response {
        let account = session.account
        return pages.renderer.render(
            "account",
            title: pages.text("account_title", state),
            [
                "is_fr": account.language == .fr, "is_de": account.language == .de, "wants_digest": account.wantsDigest,
                "uses_totp": account.secondFactor == .totp,
            ],
            state: state,
            unread: pages.unread(state),
            notice: notice
        )
    }

    func passwordPage(_ state: PageState, session: Session, error: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        pages.renderer.render(
            "password",
            title: pages.text("password_title", state),
            ["forced": session.account.mustChangePassword],
            state: state,
            error: error,
            status: status
        )
    }

    func changePassword(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        let session = try context.signedIn()
        let form = try context.checkedForm()
        do {
            if let problem = try pages.access.changePassword(
                session,
                current: form["current"],
                new: form["new"] ?? "",
                confirmation: form["confirm"] ?? ""
            ) {
                return passwordPage(state, session: session, error: problem.message(state.language), status: .unprocessableContent)
            }
        } catch  where error.code == .wrongPassword {
            return passwordPage(state, session: session, error: pages.text("password_wrong_current", state), status: .unprocessableContent)
        } catch {
            return pages.unavailable(error, state: state, context: context)
        }
        var fresh = session
        fresh.account.mustChangePassword = false
        let after = PageState(language: state.language, session: fresh, csrf: state.csrf, path: pages.renderer.home)
        guard pages.renderer.nodeRole == .dispositif else { return page(after, session: fresh, notice: pages.text("password_changed", state)) }
        return CheckPageController(pages: pages).page(after, session: fresh, notice: pages.text("password_changed", state))
    }

    func settings(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        let session = try context.signedIn()
        let form = try context.checkedForm()
        var account = session.account
        do {
            if let language = form["language"].flatMap(Language.init(rawValue:)), language != .en, language != account.language {
                account = try pages.access.update(account.id, language: language, by: account.auditName)
            }
            try pages.access.setDigest(account, wanted: form["digest"] == "1")
            account.wantsDigest = form["digest"] == "1"
        } catch {
            return pages.unavailable(error, state: state, context: context)
        }
        var fresh = session
        fresh.account = account
        let after = PageState(language: account.language, session: fresh, csrf: state.csrf, path: "/account")
        return page(after, session: fresh, notice: pages.text("settings_saved", after))
    }

    func totp(_ request: Request, context: NodeRequestContext, step: String) async throws -> Response {
        let state = PageState(request: request, context: context)
        let session = try context.signedIn()
        let form = try context.checkedForm()
        let account = session.account
        do {
            switch step {
            case "start":
                return totpPage(pages.access.beginTOTPEnrolment(for: account), state: state)
            case "confirm":
                let secret = form["secret"] ?? ""
                do {
                    try pages.access.confirmTOTP(account, secret: secret, code: form["code"] ?? "")
                } catch  where error.code == .wrongCode || error.code == .invalidField {
                    let enrolment = pages.access.enrolment(secret: secret, account: account)
                    return totpPage(enrolment, state: state, error: pages.text("totp_wrong", state))
                }
                var fresh = session
                fresh.account.secondFactor = .totp
                return page(
                    PageState(language: state.language, session: fresh, csrf: state.csrf, path: "/account"),
                    session: fresh,
                    notice: pages.text("totp_enrolled", state)
                )
            default:
                try pages.access.removeTOTP(account, by: account.auditName)
                var fresh = session
                fresh.account.secondFactor = .email
                return page(
                    PageState(language: state.language, session: fresh, csrf: state.csrf, path: "/account"),
                    session: fresh,
                    notice: pages.text("totp_removed", state)
                )
            }
        } catch {
            return pages.unavailable(error, state: state, context: context)
        }
    }

    func totpPage(_ enrolment: TOTPEnrolment, state: PageState, error: String? = nil) -> Response {
        pages.renderer.render(
            "totp",
            title: pages.text("totp_title", state),
            [
                "key": enrolment.key, "url": enrolment.url, "secret": enrolment.secret,
                // The otpauth:// link as a QR code (inline SVG, no image request); the key and link stay for those who cannot scan.
                "qr": (try? QRCode(encoding: enrolment.url).svg(title: pages.text("totp_qr", state))) ?? "",
            ],
            state: state,
            error: error,
            status: error == nil ? .ok : .unprocessableContent
        )
    }
}
