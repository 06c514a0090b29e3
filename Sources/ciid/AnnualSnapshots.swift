import CIICore
import CIIReport
import Logging
import ServiceLifecycle

/// Keeps last year's annual report figures on the coordinator: at `ciid serve`'s start and then
/// every hour, the first time it runs in year Y+1 it takes year Y's snapshot
/// (``AnnualReporter/takeSnapshotIfDue(today:)``), so that retention cannot change a past year's report.
struct AnnualSnapshots: Service {
    let reporter: AnnualReporter
    let logger: Logger
    var interval: Duration = .seconds(3600)

    /// Takes the snapshot when due, now and then every `interval`, until shutdown.
    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let today = Day.today()
                do {
                    if try await reporter.takeSnapshotIfDue(today: today) {
                        logger.notice("kept the annual report's figures of \(today.components.year - 1) (snapshot)")
                    }
                } catch {
                    logger.error("the annual report's snapshot of \(today.components.year - 1) could not be taken: \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
