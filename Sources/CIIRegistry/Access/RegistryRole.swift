public import CIICore

/// The roles of registry accounts.
public enum RegistryRole: Sendable, Hashable, Codable {
    /// A CII respondent: creates cases; reads and edits the cases they announced or are involved in
    /// (announcement, situation, collaborators, documents, logbook).
    case respondent
    /// A regional coordinator: every case of their region; edits decision and services.
    case coordinator(Region)
    /// The bureau CII: everything, with the gravity index, medical mandates, cancellations,
    /// the directory and the code lists.
    case bureau
    /// An administrator: users and lists, no case content.
    case admin
}
