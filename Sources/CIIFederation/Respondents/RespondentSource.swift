/// Where the coordinator takes the CII respondents from. Today a file the bureau maintains
/// (``RespondentFile``); later the registry's collaborator directory, whose entries with the
/// function of CII respondent are these.
public protocol RespondentSource: Sendable {
    /// The respondents now, or nil when there are none to publish yet.
    /// - Throws: ``FederationError`` `malformed` when the source cannot be read; the coordinator
    ///   then keeps serving the directory it signed last.
    func respondents() throws(FederationError) -> [RespondentEntry]?
}
