import CIIAudit
import CIICore
import CIIRegistry
import Foundation
import Logging
import ServiceLifecycle

/// The registry's retention: cases closed or cancelled more than `registry.retention_years` ago
/// lose their personal data (case, history, notices, documents, and the person when no case is
/// left), each deletion audited. `ciid registry retention` runs it once; on the coordinator,
/// `ciid serve` runs it daily.
struct RegistryRetention: Service {
    let service: RegistryService
    let vault: DocumentVault?
    let audit: any AuditRecorder
    let years: Int
    let logger: Logger
    var interval: Duration = .seconds(86_400)

    /// Runs the sweep now, then once a day until shutdown.
    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let removed = try await sweep(today: Day.today(), actor: "retention")
                    if !removed.isEmpty { logger.notice("retention deleted the personal data of \(removed.count) case(s)") }
                    let orphans = try await sweepOrphans(actor: "retention")
                    if !orphans.isEmpty { logger.notice("retention deleted \(orphans.count) document file(s) no case names") }
                } catch {
                    logger.error("the registry's retention sweep failed: \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Deletes what is due as of `today`; returns it.
    func sweep(today: Day, actor: String) async throws -> [RetentionItem] {
        try await service.applyRetention(today: today, years: years) { item in
            // A file already gone does not stop the sweep: the case's deletion is still audited below.
            for document in item.documents {
                if let vault, let id = DocumentID(document), vault.contains(id) { try vault.delete(id) }
            }
            audit.record(
                AuditEvent(
                    kind: .registryRetention,
                    actor: actor,
                    subject: "case:\(item.caseID)",
                    detailList: [
                        ("status", item.status.rawValue), ("ended", item.endedOn.iso), ("documents", String(item.documents.count)),
                        ("person", item.personGoes ? "deleted" : "kept"),
                    ]
                )
            )
        }
    }

    /// Deletes the vault's files that no case names and that are older than a day (a crash between
    /// an upload's file and its line leaves one); each deletion audited. Returns them.
    func sweepOrphans(actor: String) async throws -> [DocumentID] {
        guard let vault else { return [] }
        let orphans = try await service.orphanDocuments(in: vault)
        for id in orphans {
            do throws(DocumentError) {
                try vault.delete(id)
            } catch {
                logger.error("the registry's retention could not delete the unnamed document \(id): \(error)")
                continue
            }
            audit.record(
                AuditEvent(kind: .registryRetention, actor: actor, subject: "document:\(id.rawValue)", detailList: [("reason", "named_by_no_case")])
            )
        }
        return orphans
    }
}
