public import CIICore
public import CIIRegistry
public import CIIStore
public import Logging

/// The registry's "known elsewhere" on the coordinator: its replica of the members' sets, read by
/// the dispositifs' own ``AlertChecker`` (the fingerprint keys the coordinator holds, the window,
/// every epoch held). A failed lookup is logged here and leaves the answer without the field.
public struct ReplicaKnownElsewhere: KnownElsewhereLookup {
    let checker: AlertChecker
    let logger: Logger

    /// The lookup through `checker` (the coordinator's: its node, keys, window and replica).
    public init(checker: AlertChecker, logger: Logger) {
        self.checker = checker
        self.logger = logger
    }

    /// The other dispositifs whose sets hold `avs` on `today`.
    public func dispositifs(knowing avs: AVSNumber, today: Day) async throws -> [KnownDispositif] {
        do {
            return try checker.check(avs, today: today).matches.map {
                KnownDispositif(dispositif: $0.dispositif, node: $0.node, lastFollowUp: $0.lastFollowUp)
            }
        } catch {
            logger.warning("registry: known elsewhere not shown: \(error.reason)")
            throw error
        }
    }
}
