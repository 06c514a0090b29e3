/// One case period of a person in the right-of-access report: every tab as the bureau sees it
/// (the person left out: the report gives it once), with its history.
public struct PersonReportCase: Sendable, Hashable, Codable {
    /// The case with every tab (`person` is nil), its cancellation too.
    public var period: CaseView
    /// Whether the case was cancelled (it has left every normal view, and stays for the audit).
    public var cancelled: Bool
    /// Every change of the case, oldest first.
    public var history: [HistoryEntry]

    /// The report's view of `period` with its `history`.
    public init(_ period: CasePeriod, history: [HistoryEntry]) {
        var view = CaseView(period, for: RegistryActor(accountID: "report", role: .bureau))
        view.person = nil
        self.period = view
        self.cancelled = period.cancellation != nil
        self.history = history
    }
}
