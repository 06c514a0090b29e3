public import CIICore

/// The tab "Décision" (coordinators and bureau): the CII takes the case on and closes it, and
/// names the dispositif in charge.
public struct Decision: Sendable, Hashable, Codable {
    /// When the CII opened the case.
    public var openedOn: Day?
    /// When the CII closed it.
    public var closedOn: Day?
    /// The dispositif in charge of the follow-up.
    public var dispositifInCharge: Dispositif?

    /// Creates the tab.
    public init(openedOn: Day? = nil, closedOn: Day? = nil, dispositifInCharge: Dispositif? = nil) {
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.dispositifInCharge = dispositifInCharge
    }
}
