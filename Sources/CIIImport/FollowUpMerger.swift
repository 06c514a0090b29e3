import CIICore
import CIIStore
import Dispatch
import Foundation

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
    /// many people are outside it. Large exports are fingerprinted on every core (each person's
    /// fingerprint is independent of the others; the order of the people is kept).
    func followUps(fingerprinter: Fingerprinter, window: RetentionWindow, today: Day) -> (kept: [OwnFollowUp], outside: Int) {
        let cutoff = window.cutoff(today: today)  // window.contains(lastOn, today:), computed once
        let inside = people.filter { $0.lastOn >= cutoff }
        let fingerprints = Self.fingerprints(of: inside, fingerprinter: fingerprinter)
        let epoch = fingerprinter.epoch
        var kept = [OwnFollowUp]()
        kept.reserveCapacity(inside.count)
        for (person, fingerprint) in zip(inside, fingerprints) {
            kept.append(
                OwnFollowUp(
                    fingerprint: fingerprint,
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

    /// The people at or above which fingerprinting is shared between threads.
    static let parallelFrom = 20_000

    /// The fingerprint of each person of `people`, in their order.
    static func fingerprints(of people: [ValidRow], fingerprinter: Fingerprinter) -> [Fingerprint] {
        let threads = min(ProcessInfo.processInfo.activeProcessorCount, 8)
        guard people.count >= parallelFrom, threads > 1 else { return people.map { fingerprinter.fingerprint($0.avs) } }
        let numbers = people.map(\.avs)
        return [Fingerprint](unsafeUninitializedCapacity: numbers.count) { buffer, initialized in
            let output = SharedOutput(buffer: buffer)
            let slice = (numbers.count + threads - 1) / threads
            numbers.withUnsafeBufferPointer { numbers in
                let input = SharedInput(buffer: numbers)
                DispatchQueue.concurrentPerform(iterations: threads) { part in
                    let range = min(part * slice, input.buffer.count)..<min((part + 1) * slice, input.buffer.count)
                    for index in range {
                        (output.buffer.baseAddress! + index).initialize(to: fingerprinter.fingerprint(input.buffer[index]))
                    }
                }
            }
            initialized = numbers.count
        }
    }

    /// The numbers to fingerprint, read by every thread of ``fingerprints(of:fingerprinter:)``.
    private struct SharedInput: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<AVSNumber>
    }

    /// The fingerprints, each slot written by one thread only.
    private struct SharedOutput: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Fingerprint>
    }
}
