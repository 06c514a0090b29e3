import CIICore

extension Validation {
    /// The documents tab.
    public mutating func documents(_ documents: [CaseDocument], at path: String = "documents") {
        for (index, document) in documents.enumerated() { document.validate(into: &self, at: "\(path)[\(index)]") }
    }

    /// The logbook tab: dates in the past, texts within length, partners in the directory.
    public mutating func logbook(_ entries: [LogbookEntry], at path: String = "logbook") {
        for (index, entry) in entries.enumerated() {
            pastDate(entry.date, "\(path)[\(index)].date")
            text(entry.text, "\(path)[\(index)].text", limit: Validation.longTextLength)
            for (partnerIndex, partner) in entry.partners.enumerated() { collaborator(partner, "\(path)[\(index)].partners[\(partnerIndex)]") }
        }
    }

    /// The medical mandate tab: dates in the past, costs from 0 to 1 million francs.
    public mutating func medicalMandate(_ requests: [SMRRequest], at path: String = "medicalMandate") {
        for (index, request) in requests.enumerated() {
            pastDate(request.date, "\(path)[\(index)].date")
            if !(0...100_000_000).contains(request.cost.centimes) {
                add(
                    "\(path)[\(index)].cost",
                    .outOfRange,
                    LocalizedText(
                        fr: "Le coût doit être entre 0 et 1'000'000 CHF.",
                        de: "Die Kosten müssen zwischen 0 und 1'000'000 CHF liegen.",
                        en: "The cost must lie between CHF 0 and 1'000'000."
                    )
                )
            }
        }
    }

    /// The decision tab: dates in the past, closing after opening, no closing without opening.
    public mutating func decision(_ decision: Decision, at path: String = "decision") {
        pastDate(decision.openedOn, "\(path).openedOn")
        pastDate(decision.closedOn, "\(path).closedOn")
        order(decision.openedOn, decision.closedOn, "\(path).closedOn", after: "openedOn")
        if decision.closedOn != nil, decision.openedOn == nil {
            add(
                "\(path).openedOn",
                .required,
                LocalizedText(
                    fr: "Un cas ne peut être clôturé sans date d'ouverture.",
                    de: "Ein Fall kann nicht ohne Eröffnungsdatum abgeschlossen werden.",
                    en: "A case cannot be closed without an opening date."
                )
            )
        }
    }

    /// The services tab: dates in the past and in order, a closing status only with an end.
    public mutating func services(_ services: [CaseService], at path: String = "services") {
        for (index, service) in services.enumerated() {
            pastDate(service.start, "\(path)[\(index)].start")
            pastDate(service.end, "\(path)[\(index)].end")
            order(service.start, service.end, "\(path)[\(index)].end", after: "start")
            if service.closingStatus != nil, service.end == nil {
                add(
                    "\(path)[\(index)].closingStatus",
                    .notAllowed,
                    LocalizedText(
                        fr: "Le statut de clôture demande une date de fin.",
                        de: "Der Abschlussstatus braucht ein Enddatum.",
                        en: "A closing status needs an end date."
                    )
                )
            }
        }
    }

    /// The bureau's review of a gravity index: within 0…6.5, a reason when it overrides.
    public mutating func gravityReview(index: GravityIndex, overrideReason: String?, at path: String = "gravity") {
        if !index.isInRange {
            add(
                "\(path).index",
                .outOfRange,
                LocalizedText(
                    fr: "L'indice de gravité doit être entre 0 et 6,5.",
                    de: "Der Schweregrad muss zwischen 0 und 6,5 liegen.",
                    en: "The gravity index must lie between 0 and 6.5."
                )
            )
        }
        if let overrideReason { text(overrideReason, "\(path).overrideReason", limit: Validation.shortTextLength) }
    }

    /// A cancellation's reason: mandatory.
    public mutating func cancellationReason(_ reason: String, at path: String = "reason") {
        text(reason, path, limit: Validation.shortTextLength)
    }
}
