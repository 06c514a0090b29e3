import CIIAudit
import CIICore

extension AlertInbox {
    /// The alerts and existing overlaps `account` may read, written to the audit log
    /// (``AuditKind/alertsListed``) with what is shown: each alert's number and fingerprint.
    /// Returns once the entry is durable: show the listing only then.
    /// - Parameters:
    ///   - account: the reader.
    ///   - client: the client's address, for the audit log.
    ///   - limit: the most of each kind, newest first.
    /// - Throws: ``AlertListingError``: the alerts cannot be read, or the audit log cannot take the entry (answer 503).
    public func listing(for account: Account, client: String, limit: Int = 200) async throws(AlertListingError) -> AlertListing {
        let listing: AlertListing
        do {
            listing = AlertListing(
                alerts: try events(for: account, existing: false, limit: limit),
                existing: try events(for: account, existing: true, limit: limit)
            )
        } catch {
            throw .storage(error)
        }
        var details = [("count", String(listing.alerts.count)), ("existing", String(listing.existing.count)), ("client", client)]
        details += (listing.alerts + listing.existing).map { ("alert:\($0.id)", $0.fingerprint.hex) }
        do {
            try await access.recordRead(.alertsListed, actor: account.auditName, details)
        } catch {
            throw .audit(error)
        }
        return listing
    }
}
