import CIICore
import CIIStore

/// Gathers the valid rows into one follow-up per person: the same person twice becomes one
/// follow-up with the earliest start, the latest last follow-up and that row's caseworker.
struct FollowUpMerger {
    /// The fingerprints' maker.
    let fingerprinter: Fingerprinter
    /// The follow-ups, in the order their people first appear.
    private(set) var followUps: [OwnFollowUp] = []
    /// Rows folded into an earlier row of the same person.
    private(set) var duplicatesMerged = 0
    private var indexes: [Fingerprint: Int] = [:]

    /// Creates an empty merger.
    init(fingerprinter: Fingerprinter, capacity: Int) {
        self.fingerprinter = fingerprinter
        followUps.reserveCapacity(capacity)
        indexes.reserveCapacity(capacity)
    }

    /// Adds a valid row.
    mutating func add(_ row: ValidRow) {
        let fingerprint = fingerprinter.fingerprint(row.avs)
        if let index = indexes[fingerprint] {
            duplicatesMerged += 1
            var merged = followUps[index]
            merged.startedOn = min(merged.startedOn, row.startedOn)
            if row.lastOn > merged.lastOn || (row.lastOn == merged.lastOn && merged.caseworker == nil) {
                merged.lastOn = row.lastOn
                merged.caseworker = row.caseworker
            }
            followUps[index] = merged
        } else {
            indexes[fingerprint] = followUps.count
            followUps.append(
                OwnFollowUp(
                    fingerprint: fingerprint, epoch: fingerprinter.epoch, startedOn: row.startedOn, lastOn: row.lastOn,
                    caseworker: row.caseworker))
        }
    }
}
