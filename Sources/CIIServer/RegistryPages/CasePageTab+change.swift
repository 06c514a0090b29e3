import CIICore
import CIIRegistry

/// A tab's change read from its form, and where each line kept came from in the form.
struct CaseTabChange {
    /// The change, nil when some value could not be read (see the reader's problems).
    var update: CaseTabUpdate?
    /// For each line of the change, its index in the form (empty and removed lines are dropped),
    /// so that a problem on `services[1]` lands on the form's line that became line 1.
    var formRows: [Int] = []
}

extension CasePageTab {
    /// The change the form of the tab describes, `rows` lines long. An empty line, or one whose
    /// box "remove" is ticked, is left out.
    func change(_ reader: inout CaseFormReader, rows: Int) -> CaseTabChange {
        var result = CaseTabChange()
        let kept = (0..<rows).filter { index in
            guard let prefix = rowPrefix else { return false }
            return reader.values["\(prefix)[\(index)].remove"] == nil && !reader.isBlank(rowNames(index))
        }
        result.formRows = kept
        let before = reader.problems.count
        let update: CaseTabUpdate?
        switch self {
        case .person:
            let surname = reader.raw("person.surname")
            let firstName = reader.raw("person.firstName")
            let birth = reader.day("person.birthDate", required: true)
            let sex = reader.choice("person.sex", Sex.self)
            let language = reader.choice("person.language", Language.self)
            let education = reader.choice("person.education", EducationLevel.self)
            if let birth, let sex, let language, let education {
                update = .person(
                    PersonDetails(surname: surname, firstName: firstName, birthDate: birth, sex: sex, language: language, education: education)
                )
            } else {
                update = nil
            }
        case .announcement:
            update = Self.announcement(&reader).map(CaseTabUpdate.announcement)
        case .situation:
            update = .situation(Self.situation(reader))
        case .collaborators:
            var tab = CaseCollaborators()
            if let id = reader.entry("collaborators.announcing.collaboratorID") {
                let function = reader.choice("collaborators.announcing.function", CIIFunction.self, required: false) ?? .announcer
                tab.announcing = CaseCollaborator(collaboratorID: id, function: function)
            }
            for index in kept {
                let id = reader.entry("collaborators.involved[\(index)].collaboratorID", required: true)
                let function = reader.choice("collaborators.involved[\(index)].function", CIIFunction.self, required: false) ?? .partner
                if let id { tab.involved.append(CaseCollaborator(collaboratorID: id, function: function)) }
            }
            update = .collaborators(tab)
        case .documents:
            var lines = [CaseDocument]()
            for index in kept {
                let path = "documents[\(index)]"
                var line = CaseDocument(
                    designation: reader.raw("\(path).designation"),
                    code: reader.text("\(path).code"),
                    vaultID: reader.text("\(path).vaultID"),
                    size: 0,
                    kind: "pdf"
                )
                line.powerOfAttorney = Self.powerOfAttorney(&reader, at: "\(path).powerOfAttorney")
                lines.append(line)
            }
            update = .documents(lines)
        case .logbook:
            var entries = [LogbookEntry]()
            for index in kept {
                let date = reader.day("logbook[\(index)].date", required: true)
                let partners = (0..<Self.partnersPerEntry).compactMap { reader.entry("logbook[\(index)].partners[\($0)]") }
                if let date { entries.append(LogbookEntry(date: date, text: reader.raw("logbook[\(index)].text"), partners: partners)) }
            }
            update = .logbook(entries)
        case .medicalMandate:
            var requests = [SMRRequest]()
            for index in kept {
                let type = reader.choice("medicalMandate[\(index)].type", SMRRequestType.self)
                let date = reader.day("medicalMandate[\(index)].date", required: true)
                let cost = reader.money("medicalMandate[\(index)].cost")
                if let type, let date, let cost { requests.append(SMRRequest(type: type, date: date, cost: cost)) }
            }
            update = .medicalMandate(requests)
        case .decision:
            update = .decision(
                Decision(
                    openedOn: reader.day("decision.openedOn"),
                    closedOn: reader.day("decision.closedOn"),
                    dispositifInCharge: reader.choice("decision.dispositifInCharge", Dispositif.self, required: false)
                )
            )
        case .services:
            var services = [CaseService]()
            for index in kept {
                let type = reader.choice("services[\(index)].type", ServiceType.self)
                let start = reader.day("services[\(index)].start", required: true)
                let end = reader.day("services[\(index)].end")
                let status = reader.choice("services[\(index)].closingStatus", ClosingStatus.self, required: false)
                if let type, let start { services.append(CaseService(type: type, start: start, end: end, closingStatus: status)) }
            }
            update = .services(services)
        case .gravity:
            switch reader.text("gravity.action") {
            case "confirm": update = .gravity(.confirm)
            case "rescore": update = .gravity(.rescore)
            case "override":
                let index = reader.decimal("gravity.index")
                let reason = reader.raw("gravity.overrideReason")
                update = index.map { CaseTabUpdate.gravity(.override(GravityIndex($0), reason: reason)) }
            default:
                reader.required("gravity.action")
                update = nil
            }
        }
        result.update = reader.problems.count == before ? update : nil
        return result
    }

    /// The input names of line `index` whose values make the line (the box "remove" aside).
    func rowNames(_ index: Int) -> [String] {
        switch self {
        case .collaborators: ["collaborators.involved[\(index)].collaboratorID"]
        case .documents: ["documents[\(index)].vaultID"]
        case .logbook:
            ["logbook[\(index)].date", "logbook[\(index)].text"] + (0..<Self.partnersPerEntry).map { "logbook[\(index)].partners[\($0)]" }
        case .medicalMandate: ["medicalMandate[\(index)].type", "medicalMandate[\(index)].date", "medicalMandate[\(index)].cost"]
        case .services:
            ["services[\(index)].type", "services[\(index)].start", "services[\(index)].end", "services[\(index)].closingStatus"]
        default: []
        }
    }

    /// The announcement of a form (the tab, or a new case).
    static func announcement(_ reader: inout CaseFormReader) -> Announcement? {
        let region = reader.choice("announcement.region", Region.self)
        let service = reader.choice("announcement.requestedService", ServiceType.self, required: false)
        let announcedOn = reader.day("announcement.announcedOn", required: true)
        let toBureau = reader.day("announcement.announcedToBureauOn")
        let since = reader.day("announcement.followedSince")
        let ageGroup = reader.choice("announcement.ageGroup", AgeGroup.self)
        let dispositif = reader.choice("announcement.dispositif", Dispositif.self)
        guard let region, let announcedOn, let ageGroup, let dispositif else { return nil }
        return Announcement(
            region: region,
            requestedService: service,
            announcedOn: announcedOn,
            announcedToBureauOn: toBureau,
            followedSince: since,
            ageGroup: ageGroup,
            dispositif: dispositif
        )
    }

    /// The situation of a form: the text and the ticked factors.
    static func situation(_ reader: CaseFormReader) -> Situation {
        Situation(
            text: reader.raw("situation.text"),
            riskFactors: RiskFactor.allCases.filter { reader.values["situation.riskFactors.\($0.rawValue)"] != nil }
        )
    }

    /// A power of attorney, when any of its three values is given.
    static func powerOfAttorney(_ reader: inout CaseFormReader, at path: String) -> PowerOfAttorney? {
        guard !reader.isBlank(["\(path).start", "\(path).duration", "\(path).unit"]) else { return nil }
        let start = reader.day("\(path).start", required: true)
        let duration = reader.integer("\(path).duration")
        let unit = reader.choice("\(path).unit", DurationUnit.self)
        guard let start, let duration, let unit else { return nil }
        return PowerOfAttorney(start: start, duration: duration, unit: unit)
    }

    /// `problem`'s field with the index of the change's line replaced by the form's
    /// (`services[1].end` → `services[3].end` when form lines 1 and 2 were empty).
    func formField(_ field: String, rows: [Int]) -> String {
        guard let prefix = rowPrefix, field.hasPrefix("\(prefix)[") else { return field }
        let rest = field.dropFirst(prefix.count + 1)
        guard let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]), rows.indices.contains(index) else { return field }
        return "\(prefix)[\(rows[index])]" + rest[rest.index(after: close)...]
    }
}
