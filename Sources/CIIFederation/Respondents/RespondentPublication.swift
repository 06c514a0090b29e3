import Foundation
public import Logging

/// What the coordinator serves members at `GET /federation/respondents`: the directory of
/// `source`, signed by ``Coordinator/signedRespondents(from:now:)``.
public struct RespondentPublication: Sendable {
    /// The coordinator that signs.
    public let coordinator: Coordinator
    /// Where the respondents come from.
    public let source: any RespondentSource

    /// Creates the publication.
    public init(coordinator: Coordinator, source: any RespondentSource) {
        self.coordinator = coordinator
        self.source = source
    }

    /// The signed directory's JSON, or nil while there is none. The source is read at each call
    /// and signed anew only when its entries changed, so a member fetching it gets the directory
    /// as it is now. When the source cannot be read (the registry's storage, a bad edit of the
    /// bureau's file), the directory signed last is served and the error logged.
    public func json(logger: Logger) async throws -> [UInt8]? {
        do {
            return try await coordinator.signedRespondents(from: source).map(\.json)
        } catch let error as FederationError {
            logger.error("the respondent directory cannot be published: \(error.reason); members keep the one signed last")
            return FileManager.default.contents(atPath: coordinator.respondentsPath).map { [UInt8]($0) }
        }
    }
}
