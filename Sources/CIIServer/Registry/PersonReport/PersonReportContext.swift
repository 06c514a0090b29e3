import CIICore
import CIIRegistry
import Foundation

/// The values of the person report's template: every text already in the report's language,
/// ready to be escaped by the template.
struct PersonReportContext {
    let report: PersonReport
    let language: Language

    var values: [String: Any] {
        let person = report.person
        return [
            "lang": language.rawValue,
            "t": PersonReportText.texts(language),
            "generated": time(report.generatedAt),
            "person": [
                "avs": person.avs.formatted, "surname": person.surname, "first_name": person.firstName,
                "birth_date": person.birthDate.swiss, "sex": person.sex.label(language),
                "language": person.language.rawValue.uppercased(), "education": person.education.label(language),
            ],
            "cases": report.cases.map(caseValues),
            "notices": report.notices.map { notice in
                ["at": time(notice.at), "case": String(notice.caseID), "by": notice.by, "reason": notice.reason]
            },
            "has_notices": !report.notices.isEmpty,
            "access": report.accessLog.map(accessValues),
            "has_access": !report.accessLog.isEmpty,
        ]
    }

    func caseValues(_ item: PersonReportCase) -> [String: Any] {
        let view = item.period
        var values: [String: Any] = [
            "id": String(view.id), "status": view.status.label(language), "cancelled": item.cancelled,
            "history": item.history.map { entry in
                ["at": time(entry.at), "actor": entry.actor, "field": entry.field, "old": entry.oldValue ?? "", "new": entry.newValue ?? ""]
            },
            "has_history": !item.history.isEmpty,
        ]
        if let announcement = view.announcement {
            values["announcement"] = [
                "region": announcement.region.label(language), "requested_service": announcement.requestedService?.label(language) ?? "",
                "announced_on": announcement.announcedOn.swiss, "announced_to_bureau_on": announcement.announcedToBureauOn?.swiss ?? "",
                "followed_since": announcement.followedSince?.swiss ?? "", "age_group": announcement.ageGroup.label(language),
                "dispositif": announcement.dispositif.name(language),
            ]
        }
        if let situation = view.situation {
            values["situation"] = [
                "text": situation.text, "risk_factors": situation.riskFactors.map { $0.label(language) }.joined(separator: ", "),
            ]
        }
        if let gravity = view.gravity {
            var review = ""
            if let given = gravity.review {
                review = "\(given.index) — \(given.reviewedBy), \(time(given.reviewedAt))"
                if let reason = given.overrideReason { review += " — \(reason)" }
            }
            values["gravity"] = [
                "effective": gravity.effective.description, "computed": gravity.computed.description,
                "version": String(gravity.weightsVersion), "review": review,
            ]
        }
        if let collaborators = view.collaborators {
            values["collaborators"] = [
                "announcing": collaborators.announcing.map(collaborator) ?? "",
                "involved": collaborators.involved.map(collaborator),
            ]
        }
        let documents = view.documents ?? []
        values["documents"] = documents.map { document in
            [
                "designation": document.designation, "code": code(document.code), "kind": document.kind, "size": String(document.size),
                "power_of_attorney": document.powerOfAttorney.map { "\($0.start.swiss), \($0.duration) \($0.unit.label(language))" } ?? "",
                "expiry": document.powerOfAttorney?.expiry?.swiss ?? "",
            ]
        }
        values["has_documents"] = !documents.isEmpty
        let logbook = view.logbook ?? []
        values["logbook"] = logbook.map { entry in
            ["date": entry.date.swiss, "text": entry.text, "partners": entry.partners.map(name).joined(separator: ", ")]
        }
        values["has_logbook"] = !logbook.isEmpty
        let medical = view.medicalMandate ?? []
        values["medical"] = medical.map { request in
            ["type": request.type.label(language), "date": request.date.swiss, "cost": request.cost.formatted]
        }
        values["has_medical"] = !medical.isEmpty
        if let decision = view.decision {
            values["decision"] = [
                "opened_on": decision.openedOn?.swiss ?? "", "closed_on": decision.closedOn?.swiss ?? "",
                "in_charge": decision.dispositifInCharge?.name(language) ?? "",
            ]
        }
        let services = view.services ?? []
        values["services"] = services.map { service in
            [
                "type": service.type.label(language), "start": service.start.swiss, "end": service.end?.swiss ?? "",
                "closing_status": service.closingStatus?.label(language) ?? "",
            ]
        }
        values["has_services"] = !services.isEmpty
        if let cancellation = view.cancellation {
            values["cancellation"] = ["reason": cancellation.reason, "by": cancellation.by, "at": time(cancellation.at)]
        }
        return values
    }

    func accessValues(_ entry: PersonReportAccess) -> [String: Any] {
        var what = entry.kind
        if let subject = entry.subject { what += " (\(subject))" }
        if !entry.details.isEmpty { what += ": " + entry.details.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") }
        return ["time": time(entry.time), "actor": entry.actor, "what": what, "outcome": entry.outcome]
    }

    /// `Alice Favre (Répondant CII, ORP)`, or the entry's number when the directory lost it.
    func collaborator(_ given: CaseCollaborator) -> String {
        let entry = report.collaborators.first { $0.id == given.collaboratorID }
        return "\(entry?.name ?? "#\(given.collaboratorID)") (\(given.function.label(language))\(entry.map { ", \($0.dispositif.rawValue)" } ?? ""))"
    }

    /// A directory entry's name.
    func name(_ id: Int64) -> String { report.collaborators.first { $0.id == id }?.name ?? "#\(id)" }

    /// `PROC — Procuration CII`.
    func code(_ code: String) -> String {
        guard let entry = report.documentCodes.first(where: { $0.code == code }) else { return code }
        return "\(code) — \(language == .de ? entry.labelDE : entry.labelFR)"
    }

    /// `02.12.2026 07:36`, Swiss time.
    func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Day.switzerland
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return "\(Day(date).swiss) \(String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0))"
    }
}
