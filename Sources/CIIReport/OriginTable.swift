public import CIICore
public import CIIRegistry

/// Chapter 9's table: the situations of one age group announced in the year, by announcing
/// dispositif (rows) and region (columns), with totals.
public struct OriginTable: Sendable, Hashable, Codable {
    /// Adults or young people.
    public var ageGroup: AgeGroup
    /// One row per dispositif, in the report's order (ORP, CMS, OASI, OAI, OSP, T1).
    public var rows: [OriginRow]
    /// The totals by region ("Total des cas par dispositifs annonceurs"); its dispositif is nil.
    public var total: OriginRow

    /// The report's order of the dispositifs.
    public static let order: [Dispositif] = [.orp, .cms, .oasi, .oai, .osp, .t1]

    /// Creates a table.
    public init(ageGroup: AgeGroup, rows: [OriginRow], total: OriginRow) {
        self.ageGroup = ageGroup
        self.rows = rows
        self.total = total
    }
}

/// A row of ``OriginTable``: a dispositif's situations (or all of them) by region.
public struct OriginRow: Sendable, Hashable, Codable {
    /// The announcing dispositif; nil for the totals.
    public var dispositif: Dispositif?
    /// The whole canton.
    public var total: Int
    /// By region code (`HV`, `SIE`, `SIO`, `MAR`, `MON`), every region present.
    public var regions: [String: Int]

    /// Creates a row.
    public init(dispositif: Dispositif?, total: Int, regions: [String: Int]) {
        self.dispositif = dispositif
        self.total = total
        self.regions = regions
    }

    /// The count of `region`.
    public subscript(region: Region) -> Int { regions[region.rawValue] ?? 0 }
}
