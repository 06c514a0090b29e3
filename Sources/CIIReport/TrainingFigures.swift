public import CIIRegistry

/// The participants of the trainings and regional days held in the year, counted as chapter 2
/// does ("67 participants… dans le Valais romand (55) et dans le Haut-Valais (12)").
public struct TrainingFigures: Sendable, Hashable, Codable {
    /// One line per kind (trainings, regional days).
    public var kinds: [TrainingCount]

    /// Creates the figures.
    public init(kinds: [TrainingCount]) { self.kinds = kinds }
}

/// The events of one kind and their participants, by part of the canton.
public struct TrainingCount: Sendable, Hashable, Codable {
    /// Training or regional day.
    public var kind: TrainingKind
    /// How many were held.
    public var events: Int
    /// Their participants.
    public var participants: Int
    /// Participants of the events held for the French-speaking regions (Sierre, Sion, Martigny, Monthey).
    public var frenchSpeaking: Int
    /// Participants of the events held for the Upper Valais.
    public var upperValais: Int

    /// Creates a line.
    public init(kind: TrainingKind, events: Int, participants: Int, frenchSpeaking: Int, upperValais: Int) {
        self.kind = kind
        self.events = events
        self.participants = participants
        self.frenchSpeaking = frenchSpeaking
        self.upperValais = upperValais
    }
}
