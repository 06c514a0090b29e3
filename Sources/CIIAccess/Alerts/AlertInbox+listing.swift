import CIIAudit
import CIICore

extension AlertInbox {
    /// The alerts and existing overlaps `account` may read, written to the audit log
    /// (``AuditKind/alertsListed``) with what is shown: each alert's number and fingerprint.
    /// - Parameters:
    ///   - account: the reader.
    ///   - client: the client's address, for the audit log.
    ///   - limit: the most of each kind, newest first.
    public func listing(for account: Account, client: String, limit: Int = 200) throws(AccessError) -> AlertListing {
        let listing = AlertListing(
            alerts: try events(for: account, existing: false, limit: limit),
            existing: try events(for: account, existing: true, limit: limit)
        )
        var details = [("count", String(listing.alerts.count)), ("existing", String(listing.existing.count)), ("client", client)]
        details += (listing.alerts + listing.existing).map { ("alert:\($0.id)", $0.fingerprint.hex) }
        access.record(.alertsListed, actor: account.auditName, details)
        return listing
    }
}
