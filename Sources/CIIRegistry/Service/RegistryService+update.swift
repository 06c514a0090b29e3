import CIICore
import Foundation

extension RegistryService {
    /// Replaces one tab of case `id`, if the case is still at `ifMatch`.
    /// - Throws: `.notFound` outside the actor's scope, `.forbidden` for a tab their role may not
    ///   change, `.conflict` when the case changed since `ifMatch`, `.invalid` with every problem.
    public func update(_ id: Int64, _ change: CaseTabUpdate, ifMatch: CaseETag, by actor: RegistryActor) async throws(RegistryError) -> CaseView {
        let date = now()
        let weights = weights
        return try await run {
            try await store.transaction { tx in
                guard let before = try await tx.casePeriod(id: id), RegistryAccess.sees(before, actor) else { throw RegistryError.notFound }
                guard RegistryAccess.canWrite(change.tab, actor) else {
                    throw RegistryError(.forbidden, "this role may not change the \(change.tab.rawValue) tab")
                }
                guard before.etag == ifMatch else {
                    throw RegistryError(.conflict, "the case changed since it was read (now \(before.etag.header)): read it again")
                }
                var validation = Validation(context: try await Self.context(tx, today: Day(date)))
                if before.cancellation != nil {
                    validation.add(
                        "case",
                        .notAllowed,
                        LocalizedText(fr: "Ce cas est annulé.", de: "Dieser Fall ist storniert.", en: "This case is cancelled.")
                    )
                }
                var after = before
                Self.apply(change, to: &after, validation: &validation, weights: weights, actor: actor.accountID, date: date)
                try validation.check()
                let entries = HistoryDiff.entries(from: before, to: after, actor: actor.accountID, at: date)
                guard !entries.isEmpty else { return CaseView(before, for: actor) }
                if after.person != before.person { try await tx.updatePerson(after.person, id: after.personID) }
                after.etag = try await tx.updateCase(after, ifMatch: ifMatch)
                try await tx.appendHistory(entries)
                return CaseView(after, for: actor)
            }
        }
    }

    /// Applies `change` to `period`, validating it.
    static func apply(
        _ change: CaseTabUpdate,
        to period: inout CasePeriod,
        validation: inout Validation,
        weights: GravityWeights,
        actor: String,
        date: Date
    ) {
        switch change {
        case .person(let details):
            details.validate(into: &validation)
            details.apply(to: &period.person)
        case .announcement(let announcement):
            announcement.validate(into: &validation)
            period.announcement = announcement
        case .situation(let situation):
            situation.validate(into: &validation)
            period.gravity = rescored(period.gravity, from: period.situation.riskFactors, to: situation.riskFactors, weights: weights)
            period.situation = situation
        case .collaborators(let collaborators):
            collaborators.validate(into: &validation)
            period.collaborators = collaborators
        case .documents(let documents):
            validation.documents(documents)
            period.documents = documents
        case .logbook(let logbook):
            validation.logbook(logbook)
            period.logbook = logbook
        case .medicalMandate(let requests):
            validation.medicalMandate(requests)
            period.medicalMandate = requests
        case .decision(let decision):
            validation.decision(decision)
            period.decision = decision
        case .services(let services):
            validation.services(services)
            period.services = services
        case .gravity(let decision):
            var score = period.gravity ?? GravityScore(factors: period.situation.riskFactors, weights: weights)
            switch decision {
            case .confirm:
                score.review = GravityReview(index: score.computed, overrideReason: nil, reviewedBy: actor, reviewedAt: date)
            case .override(let index, let reason):
                validation.gravityReview(index: index, overrideReason: reason)
                score.review = GravityReview(index: index, overrideReason: reason, reviewedBy: actor, reviewedAt: date)
            case .rescore:
                score = GravityScore(factors: period.situation.riskFactors, weights: weights)
            }
            period.gravity = score
        }
    }

    /// A case's score after its situation changed: unchanged (with its weights version and the
    /// bureau's review) while the factors are the same; otherwise scored with the current weights,
    /// keeping an override but not a confirmation of another index.
    static func rescored(_ old: GravityScore?, from oldFactors: [RiskFactor], to factors: [RiskFactor], weights: GravityWeights) -> GravityScore {
        if let old, Set(oldFactors) == Set(factors) { return old }
        var score = GravityScore(factors: factors, weights: weights)
        if let review = old?.review, review.isOverride || review.index == score.computed { score.review = review }
        return score
    }
}
