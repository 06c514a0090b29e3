public import CIICore

/// A training or regional day the bureau held, as it records it: the annual report counts its
/// participants by part of the canton (chapter 2: 67 in 2023, 55 French-speaking, 12 Upper Valais).
public struct Training: Sendable, Hashable, Codable {
    /// Its id (0 before it is stored).
    public var id: Int64
    /// Training or regional day.
    public var kind: TrainingKind
    /// What it was called.
    public var title: String
    /// The day it was held.
    public var date: Day
    /// The region it was held for.
    public var region: Region
    /// The language it was held in.
    public var language: Language
    /// How many people took part.
    public var participants: Int

    /// Creates a record.
    public init(id: Int64 = 0, kind: TrainingKind, title: String, date: Day, region: Region, language: Language, participants: Int) {
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.region = region
        self.language = language
        self.participants = participants
    }
}
