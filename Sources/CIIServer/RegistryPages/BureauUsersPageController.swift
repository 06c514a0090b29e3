import CIIAccess
import CIICore
import CIIRegistry
import Foundation
import Hummingbird

/// The registry's users page (bureau and admin): the coordinator's accounts, a form to create one
/// with its role, region and directory entry, and the buttons to disable or renew one. What each
/// may manage is ``BureauUserRules``'; new passwords and API tokens stay on the admin's `/admin`.
struct BureauUsersPageController: Sendable {
    let registry: RegistryPages

    /// The form's fields.
    static let fields: Set<String> = ["name", "email", "role", "region", "collaborator", "language"]

    func addRoutes(to group: RouterGroup<NodeRequestContext>) {
        group.get("/registry/users") { request, context in
            let state = PageState(request: request, context: context)
            let notice = request.uri.queryParameters["saved"] != nil ? registry.pages.text("done", state) : nil
            return await page(state, context: context, form: [:], errors: BureauFormErrors(language: state.language), notice: notice)
        }
        group.post("/registry/users") { request, context in try await create(request, context: context) }
        group.post("/registry/users/{id}/{action}") { request, context in try await act(request, context: context) }
    }

    /// The accounts and the form to create one (with a one-time password to show once after a creation).
    func page(
        _ state: PageState,
        context: NodeRequestContext,
        form: [String: String],
        errors: BureauFormErrors,
        secret: String? = nil,
        notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async -> Response {
        guard let session = state.session, let actor = registry.actor(context) else { return Pages.redirect("/login") }
        let accounts: [Account]
        let entries: [Collaborator]
        do {
            accounts = try registry.pages.access.accounts()
            entries = try await registry.service.collaborators(by: actor)
        } catch {
            return BureauPageFailure.response(error, registry: registry, state: state, context: context, back: "/registry/users")
        }
        let language = state.language
        let names = Dictionary(entries.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let rows: [[String: Any]] = accounts.map { account in
            [
                "id": String(account.id), "name": account.name, "email": account.email,
                "role": registry.pages.text("role_\(account.role.rawValue)", state), "region": account.region?.label(language) ?? "",
                "collaborator": account.collaborator.flatMap { names[$0] } ?? "", "active": account.isActive,
                "status": registry.pages.text(account.isActive ? "active" : "disabled", state), "last_used": Day(account.lastUsedAt).swiss,
                "manageable": BureauUserRules.mayManage(account, by: session.account),
            ]
        }
        // A new account speaks the page's language unless the form said otherwise.
        let newLanguage = form["language"] ?? (language == .de ? "de" : "fr")
        var data: [String: Any] = [
            "accounts": rows, "form": form, "errors": errors.messages,
            "roles": BureauUserRules.grantable(by: session.account.role).map {
                ["value": $0.rawValue, "label": registry.pages.text("role_\($0.rawValue)", state), "selected": form["role"] == $0.rawValue]
                    as [String: Any]
            },
            "regions": Region.allCases.map {
                ["value": $0.rawValue, "label": $0.label(language), "selected": form["region"] == $0.rawValue] as [String: Any]
            },
            "collaborators": entries.sorted { $0.name.localizedLowercase < $1.name.localizedLowercase }.map {
                [
                    "value": String($0.id), "label": "\($0.name) · \($0.dispositif.code(language)) · \($0.region.label(language))",
                    "selected": form["collaborator"] == String($0.id),
                ] as [String: Any]
            },
            "languages": [
                ["value": "fr", "label": "Français", "selected": newLanguage != "de"] as [String: Any],
                ["value": "de", "label": "Deutsch", "selected": newLanguage == "de"],
            ],
            "is_admin_page": session.account.role == .admin,
        ]
        if let secret { data["secret"] = secret }
        return registry.pages.renderer.render(
            "registry_users",
            title: registry.pages.text("users_title", state),
            data,
            state: state,
            notice: notice,
            error: errors.isEmpty ? nil : errors.summary,
            status: status
        )
    }

    /// Creates an account with a role the signed-in person may give; shows its one-time password once.
    func create(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        let session = try context.signedIn()
        let form = try context.checkedForm()
        let values = Self.fields.reduce(into: [String: String]()) { $0[$1] = form[$1]?.trimmingCharacters(in: .whitespaces) ?? "" }
        var errors = BureauFormErrors(language: state.language)
        let role = AccountRole(rawValue: values["role"] ?? "").flatMap { BureauUserRules.grantable(by: session.account.role).contains($0) ? $0 : nil }
        let language = Language(rawValue: values["language"] ?? "").flatMap { $0 == .en ? nil : $0 }
        if role == nil { errors.add("role", BureauFormErrors.choose) }
        if language == nil { errors.add("language", BureauFormErrors.choose) }
        var collaborator: Int64?
        do {
            guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
            let entries = try await registry.service.collaborators(by: actor)
            if let text = values["collaborator"], !text.isEmpty {
                collaborator = Int64(text).flatMap { id in entries.contains { $0.id == id } ? id : nil }
                if collaborator == nil { errors.add("collaborator", BureauFormErrors.choose) }
            } else if role == .respondent {
                errors.add(
                    "collaborator",
                    LocalizedText(
                        fr: "Un répondant CII est lié à son entrée de l'annuaire (elle dit quels dossiers il voit).",
                        de: "Eine IIZ-Ansprechperson ist mit ihrem Verzeichniseintrag verknüpft (er bestimmt, welche Fälle sie sieht).",
                        en: "A CII respondent is linked to their directory entry (it decides which cases they see)."
                    )
                )
            }
        } catch {
            return BureauPageFailure.response(error, registry: registry, state: state, context: context, back: "/registry/users")
        }
        if errors.isEmpty, let role, let language {
            do {
                let created = try registry.pages.access.createAccount(
                    email: values["email"] ?? "",
                    name: values["name"] ?? "",
                    language: language,
                    role: role,
                    caseworker: nil,
                    region: values["region"],
                    collaborator: collaborator,
                    by: session.account.auditName
                )
                return await page(
                    state,
                    context: context,
                    form: [:],
                    errors: errors,
                    secret: created.oneTimePassword,
                    notice: registry.pages.text("done", state)
                )
            } catch  where error.code != .storage {
                errors.add(Self.field(of: error), LocalizedText(fr: error.message(.fr), de: error.message(.de), en: error.reason))
            } catch {
                return registry.pages.unavailable(error, state: state, context: context)
            }
        }
        return await page(state, context: context, form: values, errors: errors, status: .unprocessableContent)
    }

    /// Disables or renews an account the signed-in person may manage.
    func act(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        let session = try context.signedIn()
        let access = registry.pages.access
        guard let id = context.parameters.get("id", as: Int64.self), let target = try? access.store.account(id: id) else {
            return registry.pages.renderer.message(
                registry.pages.text("error_title", state),
                registry.pages.text("not_found", state),
                back: "/registry/users",
                state: state,
                status: .notFound
            )
        }
        guard BureauUserRules.mayManage(target, by: session.account) else {
            return registry.pages.renderer.message(
                registry.pages.text("error_title", state),
                registry.pages.text("users_not_yours", state),
                back: "/registry/users",
                state: state,
                status: .forbidden
            )
        }
        do {
            switch context.parameters.get("action") {
            case "disable": _ = try access.disable(id, by: session.account.auditName)
            case "renew": _ = try access.renew(id, by: session.account.auditName)
            default:
                return registry.pages.renderer.message(
                    registry.pages.text("error_title", state),
                    registry.pages.text("not_found", state),
                    back: "/registry/users",
                    state: state,
                    status: .notFound
                )
            }
        } catch {
            return registry.pages.unavailable(error, state: state, context: context)
        }
        return Pages.redirect("/registry/users?saved=1")
    }

    /// The form field an account refusal is about (the access rules say it in their reason).
    static func field(of error: AccessError) -> String {
        if error.code == .duplicateEmail { return "email" }
        let reason = error.reason
        if reason.hasPrefix("the name") { return "name" }
        if reason.contains("e-mail address") { return "email" }
        if reason.contains("region") { return "region" }
        if reason.hasPrefix("the role") { return "role" }
        if reason.contains("language") { return "language" }
        return "name"
    }
}
