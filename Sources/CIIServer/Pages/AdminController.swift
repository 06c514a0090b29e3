import CIIAccess
import CIICore
import Foundation
import Hummingbird

/// The admin page of a node: accounts (create, disable, renew, new password) and API tokens.
struct AdminController: Sendable {
    let pages: Pages

    func addRoutes(to router: RouterGroup<NodeRequestContext>) {
        router.get("/admin") { request, context in self.page(PageState(request: request, context: context), context: context) }
        router.post("/admin/accounts") { request, context in try await self.act(request, context: context, action: "create") }
        router.post("/admin/accounts/{id}/{action}") { request, context in
            try await self.act(request, context: context, action: context.parameters.get("action") ?? "")
        }
        router.post("/admin/tokens") { request, context in try await self.act(request, context: context, action: "token") }
        router.post("/admin/tokens/{id}/revoke") { request, context in try await self.act(request, context: context, action: "revoke") }
    }

    func page(
        _ state: PageState,
        context: NodeRequestContext,
        secret: (label: String, value: String)? = nil,
        notice: String? = nil,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let accounts: [Account]
        let tokens: [APIToken]
        do {
            accounts = try pages.access.accounts()
            tokens = try pages.access.apiTokens()
        } catch {
            return pages.unavailable(error, state: state, context: context)
        }
        let rows: [[String: Any]] = accounts.map { account in
            let status = account.isActive ? "active" : "disabled"
            return [
                "id": String(account.id), "name": account.name, "email": account.email,
                "role": pages.text("role_\(account.role.rawValue)", state), "language": account.language.rawValue,
                "caseworker": account.caseworker ?? "", "region": account.region?.label(state.language) ?? "",
                "status": pages.text(status, state), "active": account.isActive,
                "last_used": Day(account.lastUsedAt).swiss,
            ]
        }
        let tokenRows: [[String: Any]] = tokens.map { token in
            [
                "id": String(token.id), "name": token.name, "created": Day(token.createdAt).swiss,
                "status": pages.text(token.revokedAt == nil ? "active" : "revoked", state), "live": token.revokedAt == nil,
            ]
        }
        let roles: [[String: String]] = AccountRole.available(on: pages.access.nodeRole).map {
            ["value": $0.rawValue, "label": pages.text("role_\($0.rawValue)", state)]
        }
        let regions: [[String: String]] = Region.allCases.map { ["value": $0.rawValue, "label": $0.label(state.language)] }
        var data: [String: Any] = ["accounts": rows, "tokens": tokenRows, "roles": roles, "regions": regions]
        if let secret {
            data["secret"] = secret.value
            data["secret_label"] = secret.label
        }
        return pages.renderer.render(
            "admin",
            title: pages.text("admin_title", state),
            data,
            state: state,
            unread: pages.unread(state),
            notice: notice,
            error: error,
            status: status
        )
    }

    func act(_ request: Request, context: NodeRequestContext, action: String) async throws -> Response {
        let state = PageState(request: request, context: context)
        let session = try context.signedIn()
        let form = try context.checkedForm()
        let actor = session.account.auditName
        let id = context.parameters.get("id", as: Int64.self)
        let access = pages.access
        do {
            switch (action, id) {
            case ("create", _):
                let role = AccountRole(rawValue: form["role"] ?? "") ?? AccountRole.available(on: access.nodeRole)[0]
                let language = Language(rawValue: form["language"] ?? "") ?? .fr
                let created = try access.createAccount(
                    email: form["email"] ?? "",
                    name: form["name"] ?? "",
                    language: language == .en ? .fr : language,
                    role: role,
                    caseworker: form["caseworker"],
                    region: form["region"],
                    by: actor
                )
                return page(
                    state,
                    context: context,
                    secret: (pages.text("one_time_password", state), created.oneTimePassword),
                    notice: pages.text("done", state)
                )
            case ("disable", let id?):
                _ = try access.disable(id, by: actor)
            case ("renew", let id?):
                _ = try access.renew(id, by: actor)
            case ("reset", let id?):
                let reset = try access.resetPassword(id, removeTOTP: form["totp"] == "1", by: actor)
                return page(
                    state,
                    context: context,
                    secret: (pages.text("one_time_password", state), reset.oneTimePassword),
                    notice: pages.text("done", state)
                )
            case ("token", _):
                let created = try access.createToken(name: form["name"] ?? "", by: actor)
                return page(state, context: context, secret: (pages.text("token_created", state), created.secret), notice: pages.text("done", state))
            case ("revoke", let id?):
                try access.revokeToken(id, by: actor)
            default:
                return page(state, context: context, error: pages.text("not_found", state), status: .notFound)
            }
        } catch  where error.code != .storage {
            return page(
                state,
                context: context,
                error: "\(pages.text("invalid_field", state)) \(error.message(state.language))",
                status: .unprocessableContent
            )
        } catch {
            return pages.unavailable(error, state: state, context: context)
        }
        return page(state, context: context, notice: pages.text("done", state))
    }
}
