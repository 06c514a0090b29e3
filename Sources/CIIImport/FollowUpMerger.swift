import CIICore
import CIIStore

/// Gathers the valid rows into one follow-up per person: the same person twice becomes one
/// follow-up with the earliest start, the latest last follow-up and that row's caseworker and
/// dossier reference (both from the same row, so that an alert never pairs one row's reference
/// with another row's caseworker).
///
/// People are told apart by their AVS number (the same number is the same fingerprint), so only
/// the people kept in the end are fingerprinted.
struct FollowUpMerger {
    /// The people, in the order they first appear.
    private(set) var people: [ValidRow] = []
    /// Rows folded into an earlier row of the same person.
    private(set) var duplicatesMerged = 0
    private var indexes: [UInt64: Int] = [:]

    /// Creates an empty merger for about `capacity` rows.
    init(capacity: Int) {
        people.reserveCapacity(capacity)
        indexes.reserveCapacity(capacity)
    }

    /// Adds a valid row.
    mutating func add(_ row: ValidRow) {
        let key = row.avs.digitsValue
        guard let index = indexes[key] else {
            indexes[key] = people.count
            people.append(row)
            return
        }
        duplicatesMerged += 1
        var merged = people[index]
        merged.startedOn = min(merged.startedOn, row.startedOn)
        if row.lastOn > merged.lastOn || (row.lastOn == merged.lastOn && merged.caseworker == nil) {
            merged.lastOn = row.lastOn
            merged.caseworker = row.caseworker
            merged.reference = row.reference
        }
        people[index] = merged
    }

    /// The follow-ups of the people whose last follow-up is inside `window` on `today`, and how
    /// many people are outside it.
    func followUps(fingerprinter: Fingerprinter, window: RetentionWindow, today: Day) -> (kept: [OwnFollowUp], outside: Int) {
        var kept = [OwnFollowUp]()
        kept.reserveCapacity(people.count)
        let epoch = fingerprinter.epoch
        let cutoff = window.cutoff(today: today)  // window.contains(lastOn, today:), computed once
        for person in people where person.lastOn >= cutoff {
            kept.append(
                OwnFollowUp(
                    fingerprint: fingerprinter.fingerprint(person.avs),
                    epoch: epoch,
                    startedOn: person.startedOn,
                    lastOn: person.lastOn,
                    caseworker: person.caseworker,
                    reference: person.reference
                )
            )
        }
        return (kept, people.count - kept.count)
    }
}
