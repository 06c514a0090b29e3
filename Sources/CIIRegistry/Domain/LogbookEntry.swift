public import CIICore

/// One event of the tab "Journal de bord". Stores keep the text sealed at rest.
public struct LogbookEntry: Sendable, Hashable, Codable {
    /// The day of the event.
    public var date: Day
    /// What happened.
    public var text: String
    /// The partners involved (directory entries).
    public var partners: [Int64]

    /// Creates an entry.
    public init(date: Day, text: String, partners: [Int64] = []) {
        self.date = date
        self.text = text
        self.partners = partners
    }
}
