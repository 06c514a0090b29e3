import AsyncAlgorithms
public import CIICore
public import CIIStore
public import Foundation
public import Logging
public import ServiceLifecycle

/// The node's periodic housekeeping: drops replica entries older than the window (whatever
/// their origin did) and compacts the change log (superseded entries and tombstones older than
/// the tombstone retention). With the node's ``StoreWriter`` (`ciid serve`), each round runs on
/// the writer's thread, so a long sweep never holds a thread that answers HTTP.
public struct Maintenance: Service {
    let store: NodeStore
    let writer: StoreWriter?
    let window: RetentionWindow
    let tombstoneDays: Int
    let interval: Duration
    let logger: Logger

    /// Creates the service.
    public init(store: NodeStore, writer: StoreWriter? = nil, window: RetentionWindow, tombstoneDays: Int, interval: Duration, logger: Logger) {
        self.store = store
        self.writer = writer
        self.window = window
        self.tombstoneDays = tombstoneDays
        self.interval = interval
        self.logger = logger
    }

    /// Runs once at start, then every `interval`, until shutdown.
    public func run() async throws {
        await round()
        for await _ in AsyncTimerSequence(interval: interval, clock: .continuous).cancelOnGracefulShutdown() { await round() }
    }

    /// One round now (errors are logged, never thrown).
    public func round() async {
        do {
            let (today, now) = (Day.today(), Date())
            if let writer {
                try await writer.perform { [self] in try runOnce(today: today, now: now) }
            } else {
                try runOnce(today: today, now: now)
            }
        } catch {
            logger.error("maintenance failed: \(error)")
        }
    }

    /// One round.
    public func runOnce(today: Day, now: Date) throws {
        let dropped = try store.dropReplicaEntries(before: window.cutoff(today: today).daysSince1970)
        let compacted = try store.compactChangeLog(before: now.addingTimeInterval(-Double(tombstoneDays) * 86_400))
        if dropped + compacted > 0 {
            logger.info("maintenance: dropped \(dropped) replica entries outside the window, compacted \(compacted) change-log entries")
        }
    }
}
