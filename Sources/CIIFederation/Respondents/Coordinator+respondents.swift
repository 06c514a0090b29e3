import CIICore
import CIIStore
public import Foundation
import Sodium

extension Coordinator {
    /// Where the coordinator keeps the respondent directory it signed last (and serves).
    public var respondentsPath: String { "\(directory.federation)/respondents.signed.json" }

    /// The signed respondent directory of `source`: the one signed last while the entries are
    /// the same, a newly signed one (next version) when they changed; nil while the source has none.
    /// - Throws: ``FederationError`` when the source cannot be read, or the file system's error.
    public func signedRespondents(from source: some RespondentSource, now: Date = Date()) async throws -> SignedRespondentDirectory? {
        guard let entries = try await source.respondents() else { return nil }
        return try signedRespondents(entries, now: now)
    }

    /// The signed respondent directory of `entries`, as ``signedRespondents(from:now:)``.
    func signedRespondents(_ entries: [RespondentEntry], now: Date) throws -> SignedRespondentDirectory {
        let key = try NodeIdentity.load(from: directory).signing
        func signedLast() -> (signed: SignedRespondentDirectory, directory: RespondentDirectory)? {
            guard let bytes = try? SecureFile.read(respondentsPath), let signed = try? SignedRespondentDirectory(json: bytes),
                let directory = try? signed.verified(coordinatorKey: key.publicKey)
            else { return nil }
            return (signed, directory)
        }
        if let last = signedLast(), last.directory.entries == entries { return last.signed }  // the usual case: no lock, no write
        return try CoordinatorLock.holding(directory.federation) {
            let last = signedLast()
            if let last, last.directory.entries == entries { return last.signed }
            let version = Swift.max((last?.directory.version ?? 0) + 1, Int64((now.timeIntervalSince1970 * 1000).rounded(.down)))
            let published = RespondentDirectory(
                version: version,
                issuedAt: Int64(now.timeIntervalSince1970),
                coordinator: configuration.id,
                entries: entries
            )
            let signed = try SignedRespondentDirectory.sign(published, with: key)
            try SecureFile.write(signed.json, to: respondentsPath, mode: 0o644)
            return signed
        }
    }
}
