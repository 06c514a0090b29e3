public import CIICore

/// The directory of the CII respondents, signed by the coordinator (``SignedRespondentDirectory``)
/// and served to members on the federation port: whom to contact at each dispositif.
public struct RespondentDirectory: Sendable, Codable, Hashable {
    /// Strictly increasing with every publication: the larger of the previous version + 1 and
    /// the Unix time in milliseconds, so a member keeps the newest it saw.
    public var version: Int64
    /// When the coordinator signed it, in Unix seconds.
    public var issuedAt: Int64
    /// The coordinator that signed it.
    public var coordinator: NodeID
    /// The respondents.
    public var entries: [RespondentEntry]

    /// Creates a directory.
    public init(version: Int64, issuedAt: Int64, coordinator: NodeID, entries: [RespondentEntry]) {
        self.version = version
        self.issuedAt = issuedAt
        self.coordinator = coordinator
        self.entries = entries
    }

    /// The respondents of `dispositif`, sorted by region then name.
    public func contacts(at dispositif: Dispositif) -> [RespondentEntry] {
        entries.filter { $0.dispositif == dispositif }.sorted { ($0.region, $0.name) < ($1.region, $1.name) }
    }
}
