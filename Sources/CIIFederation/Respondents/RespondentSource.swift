/// Where the coordinator takes the CII respondents from: the registry's collaborator directory
/// (its entries with the function of CII respondent), or, while that holds none, the file the
/// bureau kept before the registry (``RespondentFile``).
public protocol RespondentSource: Sendable {
    /// The respondents now, or nil when there are none to publish yet.
    /// - Throws: ``FederationError`` `malformed` when the source cannot be read; the coordinator
    ///   then keeps serving the directory it signed last.
    func respondents() async throws(FederationError) -> [RespondentEntry]?
}
