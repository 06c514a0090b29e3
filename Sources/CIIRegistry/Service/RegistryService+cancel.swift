import CIICore

extension RegistryService {
    /// Cancels case `id` with a mandatory reason (bureau). The case leaves every normal view and
    /// search, stays for the audit, and the bureau's queue gets a notice.
    /// - Throws: `.forbidden` for another role, `.notFound`, `.conflict` when stale, `.invalid`
    ///   without a reason or for a case already cancelled.
    @discardableResult
    public func cancel(_ id: Int64, reason: String, ifMatch: CaseETag, by actor: RegistryActor) async throws(RegistryError) -> BureauNotice {
        guard RegistryAccess.allows(.cancelCase, actor) else { throw RegistryError(.forbidden, "only the bureau cancels cases") }
        let date = now()
        return try await run {
            try await store.transaction { tx in
                guard let before = try await tx.casePeriod(id: id), RegistryAccess.sees(before, actor) else { throw RegistryError.notFound }
                guard before.etag == ifMatch else {
                    throw RegistryError(.conflict, "the case changed since it was read (now \(before.etag.header)): read it again")
                }
                var validation = Validation(context: ValidationContext(today: Day(date), documentCodes: [], collaboratorIDs: []))
                validation.cancellationReason(reason)
                if before.cancellation != nil {
                    validation.add(
                        "case",
                        .notAllowed,
                        LocalizedText(fr: "Ce cas est déjà annulé.", de: "Dieser Fall ist bereits storniert.", en: "This case is already cancelled.")
                    )
                }
                try validation.check()
                var after = before
                after.cancellation = Cancellation(reason: reason, by: actor.accountID, at: date)
                after.etag = try await tx.updateCase(after, ifMatch: ifMatch)
                try await tx.appendHistory(HistoryDiff.entries(from: before, to: after, actor: actor.accountID, at: date))
                var notice = BureauNotice(kind: .cancellation, caseID: id, by: actor.accountID, at: date, reason: reason)
                notice.id = try await tx.addNotice(notice)
                return notice
            }
        }
    }

    /// The bureau's notices, newest first.
    public func notices(limit: Int = 100, by actor: RegistryActor) async throws(RegistryError) -> [BureauNotice] {
        guard RegistryAccess.allows(.readNotices, actor) else { throw RegistryError(.forbidden, "only the bureau reads its notices") }
        return try await run { try await store.read { try await $0.notices(limit: limit) } }
    }
}
