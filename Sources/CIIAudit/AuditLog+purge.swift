import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AuditLog {
    /// Deletes the oldest monthly files whose every entry is older than the retention, never the
    /// newest file and never one after a file that is kept, so that the log stays one unbroken
    /// chain; its first entry then becomes the anchor that ``verify(directory:key:)`` reports.
    /// - Returns: the names of the files deleted, oldest first.
    @discardableResult
    public func purgeExpired() throws(AuditError) -> [String] {
        try state.withLock { (state: inout State) throws(AuditError) -> [String] in
            let lock = try lockDescriptor(&state)
            try AuditFiles.lock(lock, LOCK_EX)
            defer { try? AuditFiles.lock(lock, LOCK_UN) }
            let cutoff = AuditTime.milliseconds(now()) - Int64(retentionDays) * AuditTime.millisecondsPerDay
            var removed: [String] = []
            for file in try AuditFiles.list(folder).dropLast() {
                // Entries are written in their file's month or earlier: a file can hold nothing newer.
                guard AuditTime.start(ofMonth: file.month + 1) <= cutoff, try newestTime(in: file.name) < cutoff else { break }
                guard unlink("\(folder)/\(file.name)") == 0 else {
                    throw AuditError(.writeFailed, "cannot delete the expired \(folder)/\(file.name): \(AuditFiles.lastError)")
                }
                removed.append(file.name)
            }
            return removed
        }
    }

    /// The newest time written in a file, checked line by line (an event's time may come from another clock).
    private func newestTime(in file: String) throws(AuditError) -> Int64 {
        let bytes = try AuditFiles.read("\(folder)/\(file)")
        var newest = Int64.min
        for line in AuditFiles.lines(bytes[...]) {
            guard let entry = try? AuditEntry.parse(bytes[line]).entry else { return .max }  // keep what cannot be read
            newest = max(newest, entry.time)
        }
        return newest
    }
}
