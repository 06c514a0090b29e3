import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Foundation
import Hummingbird

/// The trainings and regional days (bureau only): the list of a year with its participants by
/// part of the canton, a form to record one, and a form to correct one. The annual report counts
/// these participants (chapter 2).
struct TrainingPageController: Sendable {
    let registry: RegistryPages

    /// The form's fields, as named in the page and in the registry's problems.
    static let fields: Set<String> = ["kind", "title", "date", "region", "language", "participants"]

    func addRoutes(to group: RouterGroup<NodeRequestContext>) {
        group.get("/registry/trainings") { request, context in
            let state = PageState(request: request, context: context)
            let notice = request.uri.queryParameters["saved"] != nil ? registry.pages.text("done", state) : nil
            let year = Self.year(request) ?? registry.pages.today().components.year
            var filter = BureauFormErrors(language: state.language)
            let asked = request.uri.queryParameters["year"].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
            if !asked.isEmpty, Self.year(request) == nil {
                filter.add("year", LocalizedText(fr: "Une année de 2000 à 2100.", de: "Ein Jahr von 2000 bis 2100.", en: "A year from 2000 to 2100."))
            }
            return await page(
                state,
                context: context,
                year: year,
                form: [:],
                errors: BureauFormErrors(language: state.language),
                filter: filter,
                asked: asked,
                notice: notice
            )
        }
        group.post("/registry/trainings") { request, context in try await save(request, context: context, id: nil) }
        group.get("/registry/trainings/{id}") { request, context in
            let state = PageState(request: request, context: context)
            guard let id = context.parameters.get("id", as: Int64.self) else { return notFound(state) }
            let year = Self.year(request) ?? registry.pages.today().components.year
            do {
                guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
                guard let found = try await registry.service.trainings(year: year, by: actor).first(where: { $0.id == id }) else {
                    return notFound(state)
                }
                return edit(state, id: id, form: Self.values(of: found), errors: BureauFormErrors(language: state.language))
            } catch {
                return BureauPageFailure.response(error, registry: registry, state: state, context: context, back: "/registry/trainings")
            }
        }
        group.post("/registry/trainings/{id}") { request, context in
            guard let id = context.parameters.get("id", as: Int64.self) else { return notFound(PageState(request: request, context: context)) }
            return try await save(request, context: context, id: id)
        }
    }

    /// The `year` of the query, when it is one from 2000 to 2100.
    static func year(_ request: Request) -> Int? {
        request.uri.queryParameters["year"].flatMap { Int(String($0)) }.flatMap { (2000...2100).contains($0) ? $0 : nil }
    }

    /// The trainings of `year`, the participants by part of the canton, and the form to add one.
    func page(
        _ state: PageState,
        context: NodeRequestContext,
        year: Int,
        form: [String: String],
        errors: BureauFormErrors,
        filter: BureauFormErrors? = nil,
        asked: String = "",
        notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async -> Response {
        let trainings: [Training]
        do {
            guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
            trainings = try await registry.service.trainings(year: year, by: actor)
        } catch {
            return BureauPageFailure.response(error, registry: registry, state: state, context: context, back: "/registry/trainings")
        }
        let language = state.language
        let rows: [[String: Any]] = trainings.map { training in
            [
                "id": String(training.id), "kind": training.kind.label(language), "title": training.title, "date": training.date.swiss,
                "region": training.region.label(language), "language": training.language == .de ? "Deutsch" : "Français",
                "participants": String(training.participants), "year": String(year),
            ]
        }
        let upper = trainings.filter { $0.region == .hautValais }.reduce(0) { $0 + $1.participants }
        let total = trainings.reduce(0) { $0 + $1.participants }
        var data = Self.formData(form, errors: errors, language: language)
        data["trainings"] = rows
        data["has_trainings"] = !rows.isEmpty
        data["year"] = String(year)
        // The year field shows what was typed when it could not be read, with its error.
        data["year_field"] = filter?.isEmpty == false ? asked : String(year)
        data["filter_errors"] = filter?.messages ?? [:]
        data["previous_year"] = String(year - 1)
        data["next_year"] = String(year + 1)
        data["total"] = String(total)
        data["french_part"] = String(total - upper)
        data["upper_valais"] = String(upper)
        data["action"] = "/registry/trainings"
        return registry.pages.renderer.render(
            "trainings",
            title: registry.pages.text("trainings_title", state),
            data,
            state: state,
            notice: notice,
            error: !errors.isEmpty ? errors.summary : filter?.isEmpty == false ? filter?.filterSummary : nil,
            status: filter?.isEmpty == false ? .unprocessableContent : status
        )
    }

    /// The form to correct training `id`.
    func edit(_ state: PageState, id: Int64, form: [String: String], errors: BureauFormErrors, status: HTTPResponse.Status = .ok) -> Response {
        var data = Self.formData(form, errors: errors, language: state.language)
        data["action"] = "/registry/trainings/\(id)"
        data["id"] = String(id)
        return registry.editPage("training_edit", titleKey: "training_edit_title", data, errors: errors, state: state, status: status)
    }

    /// Records (`id` nil) or corrects a training; a refused form comes back with its values and
    /// every problem next to its field; a saved one goes to the list of its year.
    func save(_ request: Request, context: NodeRequestContext, id: Int64?) async throws -> Response {
        let state = PageState(request: request, context: context)
        let form = try context.checkedForm()
        let values = Self.fields.reduce(into: [String: String]()) { $0[$1] = form[$1]?.trimmingCharacters(in: .whitespaces) ?? "" }
        var errors = BureauFormErrors(language: state.language)
        let kind = TrainingKind(rawValue: values["kind"] ?? "")
        let region = Region(rawValue: values["region"] ?? "")
        let language = Language(rawValue: values["language"] ?? "").flatMap { $0 == .en ? nil : $0 }
        let date = Day(parsing: values["date"] ?? "")
        let participants = Int(values["participants"] ?? "")
        if kind == nil { errors.add("kind", BureauFormErrors.choose) }
        if region == nil { errors.add("region", BureauFormErrors.choose) }
        if language == nil { errors.add("language", BureauFormErrors.choose) }
        if date == nil {
            errors.add("date", LocalizedText(fr: "Date requise (JJ.MM.AAAA).", de: "Datum erforderlich (TT.MM.JJJJ).", en: "Date required."))
        }
        if participants == nil {
            errors.add(
                "participants",
                LocalizedText(fr: "Un nombre entier de participants.", de: "Eine ganze Zahl Teilnehmende.", en: "A whole number of participants.")
            )
        }
        do {
            guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
            // A record whose choices could not be read is still checked, so that every problem shows at once.
            let training = Training(
                id: id ?? 0,
                kind: kind ?? .training,
                title: values["title"] ?? "",
                date: date ?? registry.pages.today().adding(days: -1),
                region: region ?? .sion,
                language: language ?? .fr,
                participants: participants ?? 1
            )
            if errors.isEmpty {
                do {
                    let saved = try await registry.auditor.change(
                        .registryChange,
                        actor,
                        subject: id.map { "training:\($0)" },
                        [("operation", id == nil ? "add_training" : "change_training")]
                    ) {
                        try await registry.service.saveTraining(training, by: actor)
                    }
                    return Pages.redirect("/registry/trainings?year=\(saved.date.components.year)&saved=1")
                } catch let error as RegistryError where error.kind == .invalid {
                    errors.add(error, fields: Self.fields, fallback: "title")
                }
            } else {
                var validation = Validation(
                    context: ValidationContext(today: registry.pages.today(), documentCodes: [], collaboratorIDs: [])
                )
                training.validate(into: &validation)
                if !validation.problems.isEmpty { errors.add(RegistryError.invalid(validation.problems), fields: Self.fields, fallback: "title") }
            }
        } catch let error as RegistryError where error.kind == .notFound {
            return notFound(state)
        } catch {
            return BureauPageFailure.response(error, registry: registry, state: state, context: context, back: "/registry/trainings")
        }
        if let id { return edit(state, id: id, form: values, errors: errors, status: .unprocessableContent) }
        let year = date?.components.year ?? registry.pages.today().components.year
        return await page(state, context: context, year: year, form: values, errors: errors, status: .unprocessableContent)
    }

    /// The page for a training that does not exist (or is not of the year asked).
    func notFound(_ state: PageState) -> Response {
        registry.notFound("training_not_found", back: "/registry/trainings", state: state)
    }

    /// The form's values of a stored training.
    static func values(of training: Training) -> [String: String] {
        [
            "kind": training.kind.rawValue, "title": training.title, "date": training.date.iso, "region": training.region.rawValue,
            "language": training.language.rawValue, "participants": String(training.participants),
        ]
    }

    /// What the form's template needs: the values, the errors, and the choices with the value's selected.
    static func formData(_ form: [String: String], errors: BureauFormErrors, language: Language) -> [String: Any] {
        [
            "form": form,
            "errors": errors.messages,
            "kinds": TrainingKind.allCases.map {
                ["value": $0.rawValue, "label": $0.label(language), "selected": form["kind"] == $0.rawValue] as [String: Any]
            },
            "regions": Region.allCases.map {
                ["value": $0.rawValue, "label": $0.label(language), "selected": form["region"] == $0.rawValue] as [String: Any]
            },
            "languages": [
                ["value": "fr", "label": "Français", "selected": form["language"] == "fr"] as [String: Any],
                ["value": "de", "label": "Deutsch", "selected": form["language"] == "de"],
            ],
        ]
    }
}
