public import CIICore

/// One line of the yearly medical-mandate invoice summary: what the SMR requests of a year cost,
/// for the cases one dispositif announced.
public struct MedicalInvoiceLine: Sendable, Hashable, Codable {
    /// The announcing dispositif, to whom the costs are re-invoiced.
    public var dispositif: Dispositif
    /// How many cases had requests that year.
    public var cases: Int
    /// How many requests.
    public var requests: Int
    /// Their total cost.
    public var total: Money

    /// Creates a line.
    public init(dispositif: Dispositif, cases: Int, requests: Int, total: Money) {
        self.dispositif = dispositif
        self.cases = cases
        self.requests = requests
        self.total = total
    }
}
