/// A case period read from an import file (`docs/registry-csv.md`): the person as typed and the
/// tabs a file carries (announcement, situation, decision, services). Collaborators, documents,
/// the logbook and the medical mandate are not imported.
public struct ImportedCase: Sendable, Hashable {
    /// The person as typed (found again by AVS number when already known).
    public var person: PersonDraft
    /// Tab "Dispositifs annonceurs".
    public var announcement: Announcement
    /// Tab "Situation".
    public var situation: Situation
    /// Tab "Décision".
    public var decision: Decision
    /// Tab "Prestations".
    public var services: [CaseService]

    /// Creates the input.
    public init(
        person: PersonDraft,
        announcement: Announcement,
        situation: Situation = Situation(),
        decision: Decision = Decision(),
        services: [CaseService] = []
    ) {
        self.person = person
        self.announcement = announcement
        self.situation = situation
        self.decision = decision
        self.services = services
    }

    /// Adds every problem of every tab to `validation` (the same rules as the API's); the person,
    /// or `nil` when the AVS number is invalid.
    public func validated(into validation: inout Validation) -> Person? {
        let person = person.validated(into: &validation)
        announcement.validate(into: &validation)
        situation.validate(into: &validation)
        validation.decision(decision)
        validation.services(services)
        return person
    }
}
