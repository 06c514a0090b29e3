import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Foundation
import Hummingbird

/// The code lists' pages (bureau and admin): the CII codification of documents, with a form to add
/// a code and one to change a code's labels or whether it marks powers of attorney.
struct CodeListPageController: Sendable {
    let registry: RegistryPages

    /// The form's fields, as named in the page and in the registry's problems.
    static let fields: Set<String> = ["code", "labelFR", "labelDE"]

    func addRoutes(to group: RouterGroup<NodeRequestContext>) {
        group.get("/registry/code-lists") { request, context in
            let state = PageState(request: request, context: context)
            let notice = request.uri.queryParameters["saved"] != nil ? registry.pages.text("done", state) : nil
            return await page(state, context: context, form: [:], errors: BureauFormErrors(language: state.language), notice: notice)
        }
        group.post("/registry/code-lists") { request, context in try await save(request, context: context, code: nil) }
        group.get("/registry/code-lists/{code}") { request, context in
            let state = PageState(request: request, context: context)
            let code = context.parameters.get("code") ?? ""
            do {
                guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
                guard let found = try await registry.service.documentCodes(by: actor).first(where: { $0.code == code }) else {
                    return notFound(state)
                }
                return edit(state, code: code, form: Self.values(of: found), errors: BureauFormErrors(language: state.language))
            } catch {
                return BureauPageFailure.response(error, registry: registry, state: state, context: context, back: "/registry/code-lists")
            }
        }
        group.post("/registry/code-lists/{code}") { request, context in
            try await save(request, context: context, code: context.parameters.get("code") ?? "")
        }
    }

    /// The list of codes and the form to add one.
    func page(
        _ state: PageState,
        context: NodeRequestContext,
        form: [String: String],
        errors: BureauFormErrors,
        notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async -> Response {
        let codes: [DocumentCode]
        do {
            guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
            codes = try await registry.service.documentCodes(by: actor)
        } catch {
            return BureauPageFailure.response(error, registry: registry, state: state, context: context, back: "/registry/code-lists")
        }
        let yes = registry.pages.text("yes", state)
        let rows: [[String: Any]] = codes.sorted { $0.code < $1.code }.map { code in
            ["code": code.code, "label_fr": code.labelFR, "label_de": code.labelDE, "attorney": code.isPowerOfAttorney ? yes : ""]
        }
        var data: [String: Any] = [
            "form": form, "errors": errors.messages, "codes": rows, "has_codes": !rows.isEmpty, "attorney": form["attorney"] == "1",
        ]
        data["action"] = "/registry/code-lists"
        return registry.pages.renderer.render(
            "code_lists",
            title: registry.pages.text("code_lists_title", state),
            data,
            state: state,
            notice: notice,
            error: errors.isEmpty ? nil : errors.summary,
            status: status
        )
    }

    /// The form to change `code`.
    func edit(_ state: PageState, code: String, form: [String: String], errors: BureauFormErrors, status: HTTPResponse.Status = .ok) -> Response {
        let data: [String: Any] = [
            "form": form, "errors": errors.messages, "code": code, "action": "/registry/code-lists/\(code)", "attorney": form["attorney"] == "1",
        ]
        return registry.editPage("code_list_edit", titleKey: "code_list_edit_title", data, errors: errors, state: state, status: status)
    }

    /// Adds a code (`code` nil: taken from the form, refused when it exists) or changes `code`.
    func save(_ request: Request, context: NodeRequestContext, code: String?) async throws -> Response {
        let state = PageState(request: request, context: context)
        let form = try context.checkedForm()
        var values = Self.fields.reduce(into: [String: String]()) { $0[$1] = form[$1]?.trimmingCharacters(in: .whitespaces) ?? "" }
        values["code"] = code ?? values["code"]?.uppercased() ?? ""
        values["attorney"] = form["attorney"] == "1" ? "1" : ""
        var errors = BureauFormErrors(language: state.language)
        do {
            guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
            let existing = try await registry.service.documentCodes(by: actor)
            let exists = existing.contains { $0.code == values["code"] }
            if code != nil, !exists { return notFound(state) }
            if code == nil, exists {
                errors.add(
                    "code",
                    LocalizedText(
                        fr: "Ce code existe déjà : modifiez-le dans la liste.",
                        de: "Diesen Code gibt es schon: Ändern Sie ihn in der Liste.",
                        en: "This code exists already: change it in the list."
                    )
                )
            } else {
                let entry = DocumentCode(
                    code: values["code"] ?? "",
                    labelFR: values["labelFR"] ?? "",
                    labelDE: values["labelDE"] ?? "",
                    isPowerOfAttorney: values["attorney"] == "1"
                )
                do {
                    try await registry.auditor.change(
                        .registryChange,
                        actor,
                        subject: "document_code:\(entry.code)",
                        [("operation", "save_document_code")]
                    ) {
                        try await registry.service.saveDocumentCode(entry, by: actor)
                    }
                    return Pages.redirect("/registry/code-lists?saved=1")
                } catch let error as RegistryError where error.kind == .invalid {
                    errors.add(error, fields: Self.fields, fallback: "code")
                }
            }
        } catch {
            return BureauPageFailure.response(error, registry: registry, state: state, context: context, back: "/registry/code-lists")
        }
        if let code { return edit(state, code: code, form: values, errors: errors, status: .unprocessableContent) }
        return await page(state, context: context, form: values, errors: errors, status: .unprocessableContent)
    }

    /// The page for a code that does not exist.
    func notFound(_ state: PageState) -> Response {
        registry.notFound("code_not_found", back: "/registry/code-lists", state: state)
    }

    /// The form's values of a stored code.
    static func values(of code: DocumentCode) -> [String: String] {
        ["code": code.code, "labelFR": code.labelFR, "labelDE": code.labelDE, "attorney": code.isPowerOfAttorney ? "1" : ""]
    }
}
