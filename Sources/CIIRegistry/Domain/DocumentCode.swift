/// An entry of the CII codification of documents, a list the bureau keeps.
public struct DocumentCode: Sendable, Hashable, Codable {
    /// The code (`PROC`, `RAP-MED`, …): upper-case letters, digits and dashes.
    public var code: String
    /// French label.
    public var labelFR: String
    /// German label.
    public var labelDE: String
    /// Whether documents of this code are powers of attorney (they need start and duration).
    public var isPowerOfAttorney: Bool

    /// Creates a code.
    public init(code: String, labelFR: String, labelDE: String, isPowerOfAttorney: Bool = false) {
        self.code = code
        self.labelFR = labelFR
        self.labelDE = labelDE
        self.isPowerOfAttorney = isPowerOfAttorney
    }
}
