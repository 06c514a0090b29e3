public import CIICore

/// Simultaneous follow-up (chapter 2), from the coordinator's replica of every dispositif's
/// fingerprint set under one epoch: how many people two or more dispositifs follow, and for each
/// dispositif the share of its people another one also follows. Names nobody; every count under
/// 5 is hidden (``MaskedCount``) and so is its share.
///
/// A person counts for a dispositif when that dispositif's entry has a last follow-up on or after
/// ``lastOnFrom`` (1 January of the year): the replica holds no start dates (docs/annual-report.md).
public struct SimultaneousFollowUp: Sendable, Hashable, Codable {
    /// The epoch whose fingerprints were counted.
    public var epoch: UInt32
    /// The first day a last follow-up may fall on.
    public var lastOnFrom: Day
    /// The people any dispositif follows.
    public var people: MaskedCount
    /// The people two or more dispositifs follow.
    public var simultaneous: MaskedCount
    /// `simultaneous / people`; nil when either is hidden.
    public var share: Double?
    /// One line per dispositif whose set holds anybody, in the report's order.
    public var dispositifs: [DispositifOverlap]

    /// Creates the figures.
    public init(epoch: UInt32, lastOnFrom: Day, people: MaskedCount, simultaneous: MaskedCount, dispositifs: [DispositifOverlap]) {
        self.epoch = epoch
        self.lastOnFrom = lastOnFrom
        self.people = people
        self.simultaneous = simultaneous
        self.share = simultaneous.share(of: people)
        self.dispositifs = dispositifs
    }
}

/// A dispositif's people and those of them other dispositifs also follow.
public struct DispositifOverlap: Sendable, Hashable, Codable {
    /// The dispositif.
    public var dispositif: Dispositif
    /// Its people.
    public var people: MaskedCount
    /// Those also followed by each other dispositif (one cell per other dispositif, report order).
    public var others: [OverlapCell]
    /// Those also followed by at least one other dispositif (the report's "15 % des personnes
    /// relevant des ORP").
    public var anyOther: OverlapCell
    /// Those also followed by two or more other dispositifs.
    public var twoOrMoreOthers: OverlapCell

    /// Creates a line.
    public init(dispositif: Dispositif, people: MaskedCount, others: [OverlapCell], anyOther: OverlapCell, twoOrMoreOthers: OverlapCell) {
        self.dispositif = dispositif
        self.people = people
        self.others = others
        self.anyOther = anyOther
        self.twoOrMoreOthers = twoOrMoreOthers
    }
}

/// A count of a dispositif's people and its share of them.
public struct OverlapCell: Sendable, Hashable, Codable {
    /// The other dispositif; nil for "any other" and "two or more others".
    public var other: Dispositif?
    /// The people.
    public var count: MaskedCount
    /// Their share of the dispositif's people; nil when hidden.
    public var share: Double?

    /// `count` of `whole`.
    public init(other: Dispositif?, count: MaskedCount, of whole: MaskedCount) {
        self.other = other
        self.count = count
        self.share = count.share(of: whole)
    }
}
