import AsyncAlgorithms
import CIICore
public import Foundation
public import Logging
public import ServiceLifecycle

/// On the coordinator: signs the manifest again, with a new expiry, when less than a third of its
/// validity (`federation.manifest_days`) is left, so that nodes never hold an expired one while
/// the coordinator runs. Checks at start, then every `interval`, until the service group shuts down.
public struct ManifestRenewer: Service {
    let coordinator: Coordinator
    let interval: Duration
    let logger: Logger

    /// Creates the renewer.
    /// - Parameters:
    ///   - interval: how often to check (an hour by default: far below a third of a day).
    public init(coordinator: Coordinator, interval: Duration = .seconds(3600), logger: Logger) {
        self.coordinator = coordinator
        self.interval = interval
        self.logger = logger
    }

    /// Checks now, then at every tick until shutdown. A failure is logged, and tried again at the next tick.
    public func run() async throws {
        renewIfDue()
        for await _ in AsyncTimerSequence(interval: interval, clock: .continuous).cancelOnGracefulShutdown() {
            renewIfDue()
        }
    }

    /// Publishes a new manifest if the current one has less than a third of its validity left,
    /// has no expiry (signed by an older release), or is missing.
    /// - Returns: the new manifest, or nil when none was due (or signing failed: logged).
    @discardableResult
    public func renewIfDue(now: Date = Date()) -> SignedManifest? {
        do {
            let validity = Int64(coordinator.configuration.federation.manifestDays) * 86_400
            if let expiresAt = try coordinator.publishedManifest()?.expiresAt, expiresAt - Int64(now.timeIntervalSince1970) > validity / 3 {
                return nil
            }
            let signed = try coordinator.publish(now: now)
            let manifest = try signed.verified(coordinatorKey: coordinator.signingKey())
            logger.notice(
                "signed the manifest again before it expires: version \(manifest.version), valid until \(FederationState.time(manifest.expiresAt ?? 0))"
            )
            return signed
        } catch {
            logger.error("cannot sign the manifest again (nodes warn once it expires): \(error)")
            return nil
        }
    }
}
