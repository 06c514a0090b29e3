public import CIICore
public import CIIRegistry
public import CIIStore
import Foundation

/// Makes the annual report on the coordinator: from the registry's case periods and trainings,
/// and from the replica of the dispositifs' sets, or from the snapshot a past year was kept in.
///
/// On the first day it runs in year Y+1 (``takeSnapshotIfDue(today:)``: at `ciid serve`'s start
/// and daily, and before each report) it keeps year Y's figures, so that a past year stays the
/// same after retention has deleted its cases and the replica has dropped its entries.
public struct AnnualReporter: Sendable {
    /// The registry's storage.
    public let store: any RegistryStore
    /// The node database holding the replica; nil leaves simultaneous follow-up out.
    public let replica: NodeStore?

    /// Creates the reporter.
    public init(store: any RegistryStore, replica: NodeStore?) {
        self.store = store
        self.replica = replica
    }

    /// The report of `year` as of `today`: the snapshot of `year` when one was kept, the registry
    /// and the replica now otherwise; the previous year's figures beside them when held.
    /// - Throws: ``AnnualReportError`` for a year before 2000 or after `today`'s, or when a
    ///   database cannot be read.
    public func report(year: Int, today: Day) async throws(AnnualReportError) -> AnnualReport {
        let thisYear = today.components.year
        guard (2000...thisYear).contains(year) else { throw AnnualReportError.invalidYear(year, latest: thisYear) }
        try await takeSnapshotIfDue(today: today)
        let (figures, takenOn) = try await yearFigures(year, today: today)
        var previous: AnnualFigures?
        if year > 2000 {
            let (before, kept) = try await yearFigures(year - 1, today: today)
            if kept != nil || before.holdsAnything { previous = before }
        }
        return AnnualReport(year: year, madeOn: today, snapshotTakenOn: takenOn, figures: figures, previous: previous)
    }

    /// Keeps the figures of the year before `today`'s unless they are kept already or the registry
    /// holds no case announced in it (a registry started later, filled by import, is not frozen
    /// empty). Returns whether a snapshot was taken.
    @discardableResult
    public func takeSnapshotIfDue(today: Day) async throws(AnnualReportError) -> Bool {
        let year = today.components.year - 1
        guard year >= 2000 else { return false }
        do {
            if try await store.read({ try await $0.annualSnapshot(year: year) }) != nil { return false }
            let figures = try await compute(year, today: today)
            guard figures.holdsAnything else { return false }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let json = String(decoding: try encoder.encode(figures), as: UTF8.self)
            let snapshot = AnnualSnapshot(year: year, takenOn: today, figures: json)
            return try await store.transaction { try await $0.saveAnnualSnapshot(snapshot) }
        } catch let error as AnnualReportError {
            throw error
        } catch {
            throw AnnualReportError.unavailable(error)
        }
    }

    /// The figures of `year`: its snapshot's, or computed now; and the day the snapshot was taken.
    func yearFigures(_ year: Int, today: Day) async throws(AnnualReportError) -> (AnnualFigures, Day?) {
        do {
            if let snapshot = try await store.read({ try await $0.annualSnapshot(year: year) }) {
                return (try JSONDecoder().decode(AnnualFigures.self, from: Data(snapshot.figures.utf8)), snapshot.takenOn)
            }
            return (try await compute(year, today: today), nil)
        } catch let error as AnnualReportError {
            throw error
        } catch {
            throw AnnualReportError.unavailable(error)
        }
    }

    /// The figures of `year` from the registry and the replica now. The replica says who is
    /// followed now, so it is read only for this year and the last one (whose snapshot is due).
    func compute(_ year: Int, today: Day) async throws -> AnnualFigures {
        guard let first = ReportCalendar.first(year), let last = ReportCalendar.last(year) else {
            throw AnnualReportError.invalidYear(year, latest: today.components.year)
        }
        let (cases, trainings) = try await store.read { reading in
            (try await reading.reportCases(announcedBy: last), try await reading.trainings(from: first, to: last))
        }
        var simultaneous: SimultaneousFollowUp?
        if year >= today.components.year - 1, let replica, let epoch = try replica.newestReplicaEpoch() {
            simultaneous = SimultaneousFollowUp(epoch: epoch, lastOnFrom: first, sets: try replica.dispositifSets(epoch: epoch, lastOnFrom: first))
        }
        return AnnualFigures(year: year, cases: cases, trainings: trainings, simultaneous: simultaneous)
    }
}
