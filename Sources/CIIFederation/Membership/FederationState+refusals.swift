import CIIStore
public import Foundation
public import Logging
import Synchronization

extension FederationState {
    var refusalPath: String { "\(directory.federation)/manifest-refusal.json" }

    /// The last manifest this node refused since it accepted one, if any.
    public var lastRefusal: ManifestRefusal? { ManifestRefusal.load(refusalPath) }

    /// Refuses a manifest: logs why (once per reason and version, then every 10 minutes while it
    /// goes on), counts it, and records it for `ciid status` when the reason or version is new.
    func refuse(_ reason: ManifestRefusal.Reason, version: Int64?, detail: String, now: Date, logger: Logger) {
        FederationMetrics.manifestRefused(reason)
        let held = manifest?.version
        let key = "\(reason.rawValue) \(version.map(String.init) ?? "-")"
        let due = lastRefusalLog.withLock { last in
            guard last?.key != key || now.timeIntervalSince(last!.at) >= 600 else { return false }
            last = (key, now)
            return true
        }
        if due {
            logger.warning(
                "refused a manifest\(version.map { " (version \($0))" } ?? "") from the coordinator: \(detail); this node keeps manifest version \(held.map(String.init) ?? "none")"
            )
        }
        if let recorded = lastRefusal, recorded.reason == reason, recorded.version == version { return }
        let record = ManifestRefusal(reason: reason, version: version, heldVersion: held, detail: detail, at: Int64(now.timeIntervalSince1970))
        do { try record.save(refusalPath) } catch { logger.warning("cannot record the manifest refusal in \(refusalPath): \(error)") }
    }

    /// Forgets the last refusal (a newer manifest was accepted).
    func clearRefusal() {
        if FileManager.default.fileExists(atPath: refusalPath) { try? FileManager.default.removeItem(atPath: refusalPath) }
    }

    /// Logs an error when the manifest this node holds has expired: the coordinator has not signed
    /// a new one in time (it is down, or cannot be reached), so membership changes since (a
    /// removal, a new member, a new epoch) may be missing here. Called at every fetch.
    public func warnIfExpired(now: Date = Date(), logger: Logger) {
        guard let manifest, manifest.isExpired(at: now), let expiresAt = manifest.expiresAt else { return }
        logger.error(
            "the manifest this node holds (version \(manifest.version)) expired at \(Self.time(expiresAt)): the coordinator \(anchor.id) has not signed a new one; membership changes since may be missing here. Check that the coordinator runs and that this node reaches \(anchor.endpoint)"
        )
    }

    /// `2026-12-01T10:00:00Z`.
    static func time(_ seconds: Int64) -> String { ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(seconds))) }
}
