/// The parts of a case period that access rules tell apart.
public enum CaseTab: String, Sendable, Hashable, Codable, CaseIterable {
    /// The person's data.
    case person
    /// Tab "Dispositifs annonceurs".
    case announcement
    /// Tab "Situation".
    case situation
    /// The gravity index (bureau only).
    case gravity
    /// Tab "Collaborateurs".
    case collaborators
    /// Tab "Documents".
    case documents
    /// Tab "Journal de bord".
    case logbook
    /// Tab "Mandat médical" (bureau only).
    case medicalMandate
    /// Tab "Décision".
    case decision
    /// Tab "Prestations".
    case services
    /// The history of changes.
    case history
}
