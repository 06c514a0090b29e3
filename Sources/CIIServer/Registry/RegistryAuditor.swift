import CIIAccess
import CIIAudit
import CIIRegistry

/// Writes the registry API's audit entries. A read is answered, and a change made, only once its
/// entry is durable (``commit(_:_:subject:outcome:_:)``); when the audit log cannot take it the
/// caller gets a 503 and nothing else.
struct RegistryAuditor: Sendable {
    let access: AccessControl

    /// Writes `kind` for `actor` and waits for the disk.
    /// - Throws: ``RegistryAPIError/auditUnavailable`` when the audit log cannot write it.
    func commit(
        _ kind: AuditKind,
        _ actor: RegistryActor,
        subject: String? = nil,
        outcome: String = "ok",
        _ details: [(String, String)] = []
    ) async throws(RegistryAPIError) {
        do {
            try await access.recordRead(kind, actor: actor.accountID, subject: subject, outcome: outcome, details)
        } catch {
            throw RegistryAPIError.auditUnavailable
        }
    }

    /// Writes the outcome of a change whose request was committed before (`ok` or `refused`):
    /// without waiting, since the request's entry is already durable.
    func record(_ kind: AuditKind, _ actor: RegistryActor, subject: String? = nil, outcome: String, _ details: [(String, String)] = []) {
        access.audit.record(
            AuditEvent(time: access.now(), kind: kind, actor: actor.accountID, subject: subject, outcome: outcome, detailList: details)
        )
    }

    /// Runs `change` after its request is durably audited (`requested`), then records its outcome:
    /// no change reaches the registry without an entry, and a refusal is audited too.
    func change<T: Sendable>(
        _ kind: AuditKind,
        _ actor: RegistryActor,
        subject: String?,
        _ details: [(String, String)],
        _ body: () async throws -> T
    ) async throws -> T {
        try await commit(kind, actor, subject: subject, outcome: "requested", details)
        do {
            let result = try await body()
            record(kind, actor, subject: subject, outcome: "ok", details)
            return result
        } catch {
            let code = (error as? RegistryError)?.kind.rawValue ?? (error as? RegistryAPIError)?.problems.first?.code ?? "error"
            record(kind, actor, subject: subject, outcome: "refused", details + [("reason", code)])
            throw error
        }
    }
}
