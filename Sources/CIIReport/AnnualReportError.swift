public import CIICore

/// Why no annual report could be made: what went wrong, in the reader's language, and what to do.
public struct AnnualReportError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: String, Sendable {
        /// A year before 2000 or after this year.
        case invalidYear = "invalid_year"
        /// The registry or the replica could not be read or written.
        case unavailable
    }

    /// The kind.
    public let kind: Kind
    /// The reason, in French, German and English.
    public let message: LocalizedText

    /// Creates an error.
    public init(_ kind: Kind, _ message: LocalizedText) {
        self.kind = kind
        self.message = message
    }

    /// A year outside 2000…`latest`.
    static func invalidYear(_ year: Int, latest: Int) -> AnnualReportError {
        AnnualReportError(
            .invalidYear,
            LocalizedText(
                fr: "Pas de rapport pour \(year) : choisissez une année de 2000 à \(latest).",
                de: "Kein Bericht für \(year): wählen Sie ein Jahr von 2000 bis \(latest).",
                en: "no report for \(year): choose a year from 2000 to \(latest)"
            )
        )
    }

    /// A storage failure.
    static func unavailable(_ error: any Error) -> AnnualReportError {
        AnnualReportError(
            .unavailable,
            LocalizedText(
                fr: "Le registre ne peut pas être lu ; réessayez plus tard ou avertissez l'administrateur.",
                de: "Das Register kann nicht gelesen werden; versuchen Sie es später oder melden Sie es dem Administrator.",
                en: "the registry or the replica cannot be read (\(error)); try again, or check the node's databases"
            )
        )
    }

    /// The English reason (for the CLI and the log).
    public var description: String { message(.en) }
}
