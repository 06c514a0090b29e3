import CIICore
public import Foundation

/// The registry's domain service: what the API and the CLI call. It checks access, validates
/// input, scores gravity, keeps the history, and writes each change in one store transaction.
public struct RegistryService: Sendable {
    /// The storage.
    public let store: any RegistryStore
    /// The weights new scores use.
    public let weights: GravityWeights
    /// The clock (tests set it).
    public let now: @Sendable () -> Date
    /// Which dispositifs know a person (the coordinator's replica); nil leaves
    /// ``CaseView/knownElsewhere`` out of the answers (tests, the CLI).
    public var knownElsewhereLookup: (any KnownElsewhereLookup)?

    /// Creates the service.
    public init(store: any RegistryStore, weights: GravityWeights = .current, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.weights = weights
        self.now = now
    }

    /// Creates a case period, and the person unless their AVS number is already known.
    /// - Parameter lookingElsewhere: whether to look up which dispositifs know the person
    ///   (``CaseView/knownElsewhere``); the API passes false once the caller's check limit is
    ///   reached, so that creating cases cannot enumerate the replica faster than checks can.
    /// - Throws: `.forbidden` for a role that does not create cases (or a respondent without a
    ///   directory entry), `.invalid` with every problem of the input.
    public func createCase(_ input: NewCase, by actor: RegistryActor, lookingElsewhere: Bool = true) async throws(RegistryError) -> CaseView {
        guard RegistryAccess.allows(.createCase, actor), actor.role != .respondent || actor.collaboratorID != nil else {
            throw RegistryError(.forbidden, "this role does not create cases")
        }
        let date = now()
        let weights = weights
        let stored = try await run {
            try await store.transaction { tx in
                var validation = Validation(context: try await Self.context(tx, today: Day(date)))
                let person = input.person.validated(into: &validation)
                input.announcement.validate(into: &validation)
                input.situation.validate(into: &validation)
                let collaborators = Self.collaborators(input.collaborators, creator: actor)
                collaborators.validate(into: &validation)
                try validation.check()
                guard let person else { throw RegistryError.invalid(validation.problems) }
                var personID = try await tx.person(avs: person.avs)?.id ?? 0
                if personID == 0 { personID = try await tx.insertPerson(person) }
                let draft = CasePeriod(
                    personID: personID,
                    person: person,
                    announcement: input.announcement,
                    situation: input.situation,
                    gravity: GravityScore(factors: input.situation.riskFactors, weights: weights),
                    collaborators: collaborators
                )
                let stored = try await tx.insertCase(draft)
                try await tx.appendHistory([
                    HistoryEntry(
                        caseID: stored.id,
                        at: date,
                        actor: actor.accountID,
                        field: "case",
                        oldValue: nil,
                        newValue: "\"created\"",
                        sealed: false
                    )
                ])
                return stored
            }
        }
        var view = CaseView(stored, for: actor)
        if lookingElsewhere { view.knownElsewhere = await knownElsewhere(of: stored.person.avs, region: stored.announcement.region) }
        return view
    }

    /// The case `id` as `actor` may see it.
    /// - Throws: `.notFound` when it does not exist or lies outside the actor's scope.
    public func readCase(_ id: Int64, by actor: RegistryActor) async throws(RegistryError) -> CaseView {
        let period = try await run { try await store.read { try await $0.casePeriod(id: id) } }
        guard let period, RegistryAccess.sees(period, actor) else { throw RegistryError.notFound }
        return CaseView(period, for: actor)
    }

    /// The announcing collaborator defaults to a respondent who creates a case, and a respondent
    /// always stays in the cases they create (or they could not see it).
    static func collaborators(_ given: CaseCollaborators, creator: RegistryActor) -> CaseCollaborators {
        guard creator.role == .respondent, let mine = creator.collaboratorID else { return given }
        var result = given
        if result.announcing == nil {
            result.announcing = CaseCollaborator(collaboratorID: mine, function: .announcer)
        } else if !result.collaboratorIDs.contains(mine) {
            result.involved.append(CaseCollaborator(collaboratorID: mine, function: .respondent))
        }
        return result
    }

    /// The validation context from the store's lists.
    static func context(_ reader: any RegistryReading, today: Day) async throws -> ValidationContext {
        ValidationContext(
            today: today,
            documentCodes: try await reader.documentCodes(),
            collaboratorIDs: Set(try await reader.collaborators().map(\.id))
        )
    }

    /// Runs a store call, turning a backend's failure into `.unavailable`.
    func run<T>(_ body: () async throws -> T) async throws(RegistryError) -> T {
        do {
            return try await body()
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryError(.unavailable, "the registry's storage failed, nothing was changed: \(error)")
        }
    }
}
