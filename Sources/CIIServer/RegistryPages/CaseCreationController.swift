import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Hummingbird
import Logging

/// "Nouveau cas" (`/registry/cases/new`, respondents and the bureau): the person, the
/// announcement and the situation, created as the API's `POST /cases` creates a case (a
/// respondent is its announcing collaborator; `knownElsewhere` counts against the check limits).
struct CaseCreationController: Sendable {
    let registry: RegistryPages

    func addRoutes(to creators: RouterGroup<NodeRequestContext>) {
        creators.get("/registry/cases/new") { request, context in
            let state = PageState(request: request, context: context)
            return render(state, values: ["announcement.announcedOn": registry.pages.today().iso], problems: [])
        }
        creators.post("/registry/cases/new") { request, context in try await self.create(request, context: context) }
    }

    /// Creates the case and opens it; on a problem the form again, with the values typed and each
    /// problem next to its input.
    func create(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
        let form = try context.checkedForm()
        var reader = CaseFormReader(values: form.fields)
        let birth = reader.day("person.birthDate", required: true)
        let sex = reader.choice("person.sex", Sex.self)
        let language = reader.choice("person.language", Language.self)
        let education = reader.choice("person.education", EducationLevel.self)
        let announcement = CasePageTab.announcement(&reader)
        let situation = CasePageTab.situation(reader)
        guard reader.problems.isEmpty, let birth, let sex, let language, let education, let announcement else {
            return render(state, values: form.fields, problems: reader.problems)
        }
        let input = NewCase(
            person: PersonDraft(
                avs: reader.text("person.avs"),
                surname: reader.raw("person.surname"),
                firstName: reader.raw("person.firstName"),
                birthDate: birth,
                sex: sex,
                language: language,
                education: education
            ),
            announcement: announcement,
            situation: situation
        )
        let lookingElsewhere = context.identity.map { registry.pages.access.admitCheck($0) == nil } ?? false
        do {
            let view = try await registry.auditor.change(.registryChange, actor, subject: nil, [("operation", "create")]) {
                try await registry.service.createCase(input, by: actor, lookingElsewhere: lookingElsewhere)
            }
            let detail = lookingElsewhere ? RegistryController.knownElsewhereDetail(view) : [("knownElsewhere", "limited")]
            registry.auditor.record(.registryChange, actor, subject: "case:\(view.id)", outcome: "created", detail)
            return Pages.redirect("/registry/cases/\(view.id)/announcement")
        } catch let error as RegistryError where error.kind == .invalid {
            return render(state, values: form.fields, problems: error.problems)
        } catch {
            return registry.failure(error, state: state, context: context)
        }
    }

    /// The form with `values` and the `problems` next to their inputs.
    func render(_ state: PageState, values: [String: String], problems: [RegistryProblem]) -> Response {
        let texts = PageText.texts(state.language)
        let options = CaseOptions(language: state.language)
        let form = CaseFieldMaker(values: values, texts: texts)
        let messages = RegistryPages.messages(problems, state.language)
        func marked(_ fields: [CaseField]) -> [[String: Any]] {
            fields.map { field in
                var field = field
                field.error = messages[field.name]
                return field.context()
            }
        }
        let data: [String: Any] = [
            "person": marked(CasePageTab.personFields(form, options: options, withAVS: true, avsEditable: true)),
            "announcement": marked(CasePageTab.announcementFields(form, options: options)),
            "situation": marked(CasePageTab.situationFields(form, options: options)),
        ]
        return registry.pages.renderer.render(
            "case_new",
            title: texts["new_case_title"] ?? "",
            data,
            state: state,
            error: problems.isEmpty ? nil : texts["form_problems"],
            status: problems.isEmpty ? .ok : .unprocessableContent
        )
    }
}
