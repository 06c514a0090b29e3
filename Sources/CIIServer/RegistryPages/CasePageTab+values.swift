import CIICore
import CIIRegistry

extension CasePageTab {
    /// The tab's values as the case holds them, by input name, and its number of lines: what a
    /// form shows before anything is typed.
    func values(of view: CaseView) -> (values: [String: String], rows: Int) {
        var values = [String: String]()
        switch self {
        case .person:
            guard let person = view.person else { return ([:], 0) }
            values = Self.personValues(person)
        case .announcement:
            guard let announcement = view.announcement else { return ([:], 0) }
            values = Self.announcementValues(announcement)
        case .situation:
            guard let situation = view.situation else { return ([:], 0) }
            values = Self.situationValues(situation)
        case .collaborators:
            guard let tab = view.collaborators else { return ([:], 0) }
            if let announcing = tab.announcing {
                values["collaborators.announcing.collaboratorID"] = String(announcing.collaboratorID)
                values["collaborators.announcing.function"] = announcing.function.rawValue
            }
            for (index, entry) in tab.involved.enumerated() {
                values["collaborators.involved[\(index)].collaboratorID"] = String(entry.collaboratorID)
                values["collaborators.involved[\(index)].function"] = entry.function.rawValue
            }
            return (values, tab.involved.count)
        case .documents:
            let lines = view.documents ?? []
            for (index, line) in lines.enumerated() {
                let path = "documents[\(index)]"
                values["\(path).designation"] = line.designation
                values["\(path).code"] = line.code
                values["\(path).vaultID"] = line.vaultID
                if let poa = line.powerOfAttorney {
                    values["\(path).powerOfAttorney.start"] = poa.start.iso
                    values["\(path).powerOfAttorney.duration"] = String(poa.duration)
                    values["\(path).powerOfAttorney.unit"] = poa.unit.rawValue
                }
            }
            return (values, lines.count)
        case .logbook:
            let entries = view.logbook ?? []
            for (index, entry) in entries.enumerated() {
                values["logbook[\(index)].date"] = entry.date.iso
                values["logbook[\(index)].text"] = entry.text
                for (partner, id) in entry.partners.enumerated() { values["logbook[\(index)].partners[\(partner)]"] = String(id) }
            }
            return (values, entries.count)
        case .medicalMandate:
            let requests = view.medicalMandate ?? []
            for (index, request) in requests.enumerated() {
                values["medicalMandate[\(index)].type"] = request.type.rawValue
                values["medicalMandate[\(index)].date"] = request.date.iso
                values["medicalMandate[\(index)].cost"] = request.cost.plain
            }
            return (values, requests.count)
        case .decision:
            guard let decision = view.decision else { return ([:], 0) }
            values["decision.openedOn"] = decision.openedOn?.iso
            values["decision.closedOn"] = decision.closedOn?.iso
            values["decision.dispositifInCharge"] = decision.dispositifInCharge?.rawValue
        case .services:
            let services = view.services ?? []
            for (index, service) in services.enumerated() {
                values["services[\(index)].type"] = service.type.rawValue
                values["services[\(index)].start"] = service.start.iso
                values["services[\(index)].end"] = service.end?.iso
                values["services[\(index)].closingStatus"] = service.closingStatus?.rawValue
            }
            return (values, services.count)
        case .gravity:
            if let score = view.gravity { values["gravity.index"] = score.effective.description }
        }
        return (values, 0)
    }

    /// The person's values (the AVS number written in full: only for readers of the person).
    static func personValues(_ person: Person) -> [String: String] {
        [
            "person.avs": person.avs.formatted, "person.surname": person.surname, "person.firstName": person.firstName,
            "person.birthDate": person.birthDate.iso, "person.sex": person.sex.rawValue, "person.language": person.language.rawValue,
            "person.education": person.education.rawValue,
        ]
    }

    /// The announcement's values.
    static func announcementValues(_ announcement: Announcement) -> [String: String] {
        var values = [
            "announcement.region": announcement.region.rawValue, "announcement.announcedOn": announcement.announcedOn.iso,
            "announcement.ageGroup": announcement.ageGroup.rawValue, "announcement.dispositif": announcement.dispositif.rawValue,
        ]
        values["announcement.requestedService"] = announcement.requestedService?.rawValue
        values["announcement.announcedToBureauOn"] = announcement.announcedToBureauOn?.iso
        values["announcement.followedSince"] = announcement.followedSince?.iso
        return values
    }

    /// The situation's values: the text, and a ticked box per risk factor.
    static func situationValues(_ situation: Situation) -> [String: String] {
        var values = ["situation.text": situation.text]
        for factor in situation.riskFactors { values["situation.riskFactors.\(factor.rawValue)"] = "1" }
        return values
    }
}
