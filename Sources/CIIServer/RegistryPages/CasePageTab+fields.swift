import CIICore
import CIIRegistry

/// The inputs of one tab: those that stand alone, and its lines (services, logbook entries…).
struct CaseTabFields {
    var single: [CaseField] = []
    var rows: [[CaseField]] = []
}

extension CasePageTab {
    /// The tab's inputs filled with `values`, with `rows` lines; `texts` gives the labels.
    func fields(_ values: [String: String], rows: Int, texts: [String: String], options: CaseOptions) -> CaseTabFields {
        let form = CaseFieldMaker(values: values, texts: texts)
        var result = CaseTabFields()
        switch self {
        case .person:
            result.single = Self.personFields(form, options: options, withAVS: true)
        case .announcement:
            result.single = Self.announcementFields(form, options: options)
        case .situation:
            result.single = Self.situationFields(form, options: options)
        case .collaborators:
            result.single = [
                form.select("collaborators.announcing.collaboratorID", "f_announcing", options.collaborators, optional: true),
                form.select("collaborators.announcing.function", "f_function", options.functions, optional: true),
            ]
            result.rows = (0..<rows).map { index in
                [
                    form.select("collaborators.involved[\(index)].collaboratorID", "f_collaborator", options.collaborators, optional: true),
                    form.select("collaborators.involved[\(index)].function", "f_function", options.functions, optional: true),
                ]
            }
        case .documents:
            result.rows = (0..<rows).map { index in
                let path = "documents[\(index)]"
                return [
                    form.field("\(path).designation", "f_designation", .text),
                    form.select("\(path).code", "f_code", options.codes),
                    form.field("\(path).powerOfAttorney.start", "f_poa_start", .date),
                    form.field("\(path).powerOfAttorney.duration", "f_poa_duration", .text),
                    form.select("\(path).powerOfAttorney.unit", "f_poa_unit", options.units, optional: true),
                ]
            }
        case .logbook:
            result.rows = (0..<rows).map { index in
                [form.field("logbook[\(index)].date", "f_date", .date), form.field("logbook[\(index)].text", "f_event", .textarea)]
                    + (0..<Self.partnersPerEntry).map { partner in
                        form.select("logbook[\(index)].partners[\(partner)]", "f_partner", options.collaborators, optional: true)
                    }
            }
        case .medicalMandate:
            result.rows = (0..<rows).map { index in
                [
                    form.select("medicalMandate[\(index)].type", "f_request_type", options.requestTypes),
                    form.field("medicalMandate[\(index)].date", "f_date", .date),
                    form.field("medicalMandate[\(index)].cost", "f_cost", .text),
                ]
            }
        case .decision:
            result.single = [
                form.field("decision.openedOn", "f_opened_on", .date),
                form.field("decision.closedOn", "f_closed_on", .date),
                form.select("decision.dispositifInCharge", "f_dispositif_in_charge", options.dispositifs, optional: true),
            ]
        case .services:
            result.rows = (0..<rows).map { index in
                [
                    form.select("services[\(index)].type", "f_service", options.services),
                    form.field("services[\(index)].start", "f_start", .date),
                    form.field("services[\(index)].end", "f_end", .date),
                    form.select("services[\(index)].closingStatus", "f_closing_status", options.closingStatuses, optional: true),
                ]
            }
        case .gravity:
            result.single = [
                form.select(
                    "gravity.action",
                    "f_gravity_action",
                    [
                        ("confirm", texts["gravity_confirm"] ?? ""), ("override", texts["gravity_override"] ?? ""),
                        ("rescore", texts["gravity_rescore"] ?? ""),
                    ]
                ),
                form.field("gravity.index", "f_gravity_index", .text),
                form.field("gravity.overrideReason", "f_override_reason", .textarea),
            ]
        }
        return result
    }

    /// How many partners a logbook entry names at most on the page.
    static let partnersPerEntry = 3

    /// The person's inputs; the AVS number typed only on a new case, shown otherwise.
    static func personFields(_ form: CaseFieldMaker, options: CaseOptions, withAVS: Bool, avsEditable: Bool = false) -> [CaseField] {
        var avs = form.field("person.avs", "f_avs", .text)
        avs.readOnly = !avsEditable
        if avsEditable { avs.hint = form.texts["avs_hint"] }
        return (withAVS ? [avs] : []) + [
            form.field("person.surname", "f_surname", .text),
            form.field("person.firstName", "f_first_name", .text),
            form.field("person.birthDate", "f_birth_date", .date),
            form.select("person.sex", "f_sex", options.sexes),
            form.select("person.language", "f_language", options.languages),
            form.select("person.education", "f_education", options.educations),
        ]
    }

    /// The announcement's inputs.
    static func announcementFields(_ form: CaseFieldMaker, options: CaseOptions) -> [CaseField] {
        [
            form.select("announcement.region", "f_region", options.regions),
            form.select("announcement.requestedService", "f_requested_service", options.services, optional: true),
            form.field("announcement.announcedOn", "f_announced_on", .date),
            form.field("announcement.announcedToBureauOn", "f_announced_to_bureau_on", .date),
            form.field("announcement.followedSince", "f_followed_since", .date),
            form.select("announcement.ageGroup", "f_age_group", options.ageGroups),
            form.select("announcement.dispositif", "f_dispositif", options.dispositifs),
        ]
    }

    /// The situation's inputs: the text and the criteria grid.
    static func situationFields(_ form: CaseFieldMaker, options: CaseOptions) -> [CaseField] {
        var factors = form.field("situation.riskFactors", "f_risk_factors", .checks)
        factors.options = options.riskFactors
        factors.checked = Set(options.riskFactors.map(\.value).filter { form.values["situation.riskFactors.\($0)"] != nil })
        return [form.field("situation.text", "f_situation", .textarea), factors]
    }
}

/// Makes the inputs of a form from its values and its texts.
struct CaseFieldMaker {
    let values: [String: String]
    let texts: [String: String]

    /// An input named `name`, labelled with the text `label`.
    func field(_ name: String, _ label: String, _ kind: CaseField.Kind) -> CaseField {
        var field = CaseField(name: name, label: texts[label] ?? label, kind: kind, value: values[name] ?? "")
        if kind == .date { field.hint = texts["date_hint"] }
        return field
    }

    /// A list of `options`.
    func select(_ name: String, _ label: String, _ options: CaseOptions.Options, optional: Bool = false) -> CaseField {
        var field = field(name, label, .select)
        field.options = options
        field.optional = optional
        return field
    }
}
