import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Foundation
import Hummingbird

/// The collaborator directory's pages (bureau and admin, the API's list keepers): the list with a
/// form to add an entry, and a form to change one. A saved entry re-signs the respondent
/// directory the coordinator serves, as the API's save does.
struct DirectoryPageController: Sendable {
    let registry: RegistryPages

    /// The form's fields, as named in the page and in the registry's problems.
    static let fields: Set<String> = ["name", "dispositif", "region", "function", "phone", "email"]

    func addRoutes(to group: RouterGroup<NodeRequestContext>) {
        group.get("/registry/directory") { request, context in
            let state = PageState(request: request, context: context)
            let notice = request.uri.queryParameters["saved"] != nil ? registry.pages.text("done", state) : nil
            return await page(state, context: context, form: [:], errors: BureauFormErrors(language: state.language), notice: notice)
        }
        group.post("/registry/directory") { request, context in try await save(request, context: context, id: nil) }
        group.get("/registry/directory/{id}") { request, context in
            let state = PageState(request: request, context: context)
            guard let id = context.parameters.get("id", as: Int64.self) else { return notFound(state) }
            do {
                guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
                guard let entry = try await registry.service.collaborators(by: actor).first(where: { $0.id == id }) else { return notFound(state) }
                return edit(state, id: id, form: Self.values(of: entry), errors: BureauFormErrors(language: state.language))
            } catch {
                return BureauPageFailure.response(error, registry: registry, state: state, context: context, back: "/registry/directory")
            }
        }
        group.post("/registry/directory/{id}") { request, context in
            guard let id = context.parameters.get("id", as: Int64.self) else { return notFound(PageState(request: request, context: context)) }
            return try await save(request, context: context, id: id)
        }
    }

    /// The list of entries and the form to add one (with `form`'s values and `errors` after a refusal).
    func page(
        _ state: PageState,
        context: NodeRequestContext,
        form: [String: String],
        errors: BureauFormErrors,
        notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async -> Response {
        guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
        let entries: [Collaborator]
        do {
            entries = try await registry.service.collaborators(by: actor)
        } catch {
            return registry.pages.unavailable(error, state: state, context: context)
        }
        let language = state.language
        let rows: [[String: Any]] = entries.sorted { $0.name.localizedLowercase < $1.name.localizedLowercase }.map { entry in
            [
                "id": String(entry.id), "name": entry.name, "dispositif": entry.dispositif.code(language),
                "region": entry.region.label(language), "function": entry.function.label(language), "phone": entry.phone, "email": entry.email,
            ]
        }
        var data = Self.formData(form, errors: errors, language: language)
        data["entries"] = rows
        data["has_entries"] = !rows.isEmpty
        data["action"] = "/registry/directory"
        return registry.pages.renderer.render(
            "directory",
            title: registry.pages.text("directory_title", state),
            data,
            state: state,
            notice: notice,
            error: errors.isEmpty ? nil : errors.summary,
            status: status
        )
    }

    /// The form to change entry `id`.
    func edit(_ state: PageState, id: Int64, form: [String: String], errors: BureauFormErrors, status: HTTPResponse.Status = .ok) -> Response {
        var data = Self.formData(form, errors: errors, language: state.language)
        data["action"] = "/registry/directory/\(id)"
        data["id"] = String(id)
        return registry.editPage("directory_edit", titleKey: "directory_edit_title", data, errors: errors, state: state, status: status)
    }

    /// Adds (`id` nil) or changes an entry; a refused form comes back with its values and each
    /// problem next to its field; a saved one re-signs the directory and goes back to the list.
    func save(_ request: Request, context: NodeRequestContext, id: Int64?) async throws -> Response {
        let state = PageState(request: request, context: context)
        let form = try context.checkedForm()
        guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
        let values = Self.fields.reduce(into: [String: String]()) { $0[$1] = form[$1]?.trimmingCharacters(in: .whitespaces) ?? "" }
        var errors = BureauFormErrors(language: state.language)
        let dispositif = Dispositif(rawValue: values["dispositif"] ?? "")
        let region = Region(rawValue: values["region"] ?? "")
        let function = CIIFunction(rawValue: values["function"] ?? "")
        if dispositif == nil { errors.add("dispositif", BureauFormErrors.choose) }
        if region == nil { errors.add("region", BureauFormErrors.choose) }
        if function == nil { errors.add("function", BureauFormErrors.choose) }
        do {
            if let id, !(try await registry.service.collaborators(by: actor)).contains(where: { $0.id == id }) { return notFound(state) }
            if let dispositif, let region, let function {
                let entry = Collaborator(
                    id: id ?? 0,
                    name: values["name"] ?? "",
                    dispositif: dispositif,
                    region: region,
                    phone: values["phone"] ?? "",
                    email: values["email"] ?? "",
                    function: function
                )
                do {
                    _ = try await registry.auditor.change(
                        .registryChange,
                        actor,
                        subject: id.map { "collaborator:\($0)" },
                        [("operation", id == nil ? "add_collaborator" : "change_collaborator")]
                    ) {
                        try await registry.service.saveCollaborator(entry, by: actor)
                    }
                    await registry.directoryChanged?()
                    return Pages.redirect("/registry/directory?saved=1")
                } catch let error as RegistryError where error.kind == .invalid {
                    errors.add(error, fields: Self.fields, fallback: "name")
                }
            } else {
                // The other fields are checked too, so that every problem shows at once.
                let probe = Collaborator(
                    name: values["name"] ?? "",
                    dispositif: .orp,
                    region: .sion,
                    phone: values["phone"] ?? "",
                    email: values["email"] ?? "",
                    function: .partner
                )
                var validation = Validation(context: ValidationContext(today: registry.pages.today(), documentCodes: [], collaboratorIDs: []))
                probe.validate(into: &validation)
                if !validation.problems.isEmpty { errors.add(RegistryError.invalid(validation.problems), fields: Self.fields, fallback: "name") }
            }
        } catch {
            return BureauPageFailure.response(error, registry: registry, state: state, context: context, back: "/registry/directory")
        }
        if let id { return edit(state, id: id, form: values, errors: errors, status: .unprocessableContent) }
        return await page(state, context: context, form: values, errors: errors, status: .unprocessableContent)
    }

    /// The page for an entry that does not exist.
    func notFound(_ state: PageState) -> Response {
        registry.notFound("directory_not_found", back: "/registry/directory", state: state)
    }

    /// The form's values of a stored entry.
    static func values(of entry: Collaborator) -> [String: String] {
        [
            "name": entry.name, "dispositif": entry.dispositif.rawValue, "region": entry.region.rawValue,
            "function": entry.function.rawValue, "phone": entry.phone, "email": entry.email,
        ]
    }

    /// What the form's template needs: the values, the errors, and the choices with the value's selected.
    static func formData(_ form: [String: String], errors: BureauFormErrors, language: Language) -> [String: Any] {
        [
            "form": form,
            "errors": errors.messages,
            "dispositifs": Dispositif.allCases.map {
                ["value": $0.rawValue, "label": $0.name(language), "selected": form["dispositif"] == $0.rawValue] as [String: Any]
            },
            "regions": Region.allCases.map {
                ["value": $0.rawValue, "label": $0.label(language), "selected": form["region"] == $0.rawValue] as [String: Any]
            },
            "functions": CIIFunction.allCases.map {
                ["value": $0.rawValue, "label": $0.label(language), "selected": form["function"] == $0.rawValue] as [String: Any]
            },
        ]
    }
}
