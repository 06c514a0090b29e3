public import Foundation
public import Sodium

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AuditLog {
    /// Walks the whole log, oldest file first, and checks each line: its form, its MAC under
    /// `key`, that its seq follows the one before (+1), and that its `prev` is the MAC before
    /// (across files too, so a deleted monthly file breaks the chain). Stops at the first broken
    /// entry. The first entry of the oldest file may follow a purged entry: it is the anchor.
    ///
    /// Entries appended while it runs are not checked; it does not hold up writers.
    public static func verify(directory: URL, key: SecretBytes) -> AuditVerification {
        verify(directory: directory, key: key, expectingHead: nil)
    }

    /// ``verify(directory:key:)``, and also whether an entry whose MAC is `noted` (a head printed by
    /// an earlier verification, in hexadecimal) is still in the chain: when it is not, entries
    /// were cut off the end since it was noted (or the head belongs to another log, or to a purged
    /// month). The answer is in ``AuditVerification/notedHeadFound``.
    public static func verify(directory: URL, key: SecretBytes, expectingHead noted: String?) -> AuditVerification {
        var result = AuditVerification()
        var chain = AuditChain(key: key)
        chain.noted = noted.map { Array($0.lowercased().utf8) }
        walk(directory.path(percentEncoded: false), chain: &chain, result: &result)
        result.head = chain.last.map { AuditEntry.hex($0.mac) }
        if noted != nil { result.notedHeadFound = chain.notedFound }
        return result
    }

    /// Checks every file in order, stopping at the first break.
    private static func walk(_ folder: String, chain: inout AuditChain, result: inout AuditVerification) {
        let files: [(name: String, month: Int, size: Int)]
        do {
            files = try snapshot(folder)
        } catch {
            result.failure = AuditBreak(file: folder, line: 0, seq: nil, reason: error.reason)
            return
        }
        for (position, file) in files.enumerated() {
            result.files.append(file.name)
            let bytes: [UInt8]
            do {
                bytes = try AuditFiles.read("\(folder)/\(file.name)", limit: file.size)
            } catch {
                result.failure = AuditBreak(
                    file: file.name,
                    line: 0,
                    seq: nil,
                    reason: "\(error.reason) (deleted while being verified? run it again)"
                )
                return
            }
            let lines = AuditFiles.lines(bytes[...])
            let gap = position > 0 && file.month > files[position - 1].month + 1 ? file.month - files[position - 1].month - 1 : 0
            for (index, range) in lines.enumerated() {
                if let reason = chain.check(bytes[range], result: &result, file: file.name, firstInFile: index == 0, monthsMissing: gap) {
                    result.failure = AuditBreak(file: file.name, line: index + 1, seq: reason.seq, reason: reason.text)
                    return
                }
            }
            if (lines.last?.upperBound ?? -1) + 1 < bytes.count {
                let message = "the last line of \(file.name) is incomplete (an append was interrupted)"
                guard position == files.count - 1 else {
                    result.failure = AuditBreak(file: file.name, line: lines.count + 1, seq: nil, reason: message)
                    return
                }
                result.warnings.append(message + "; the next append removes it")
            }
        }
    }

    /// Verifies this log (``verify(directory:key:)``).
    public func verify() -> AuditVerification { Self.verify(directory: directory, key: key) }

    /// The monthly files and their sizes, taken under a shared lock so that no append is half-seen.
    private static func snapshot(_ folder: String) throws(AuditError) -> [(name: String, month: Int, size: Int)] {
        let lockPath = "\(folder)/\(AuditFiles.lockName)"
        let lock = open(lockPath, O_RDONLY | O_CLOEXEC)
        if lock >= 0 {
            try AuditFiles.lock(lock, LOCK_SH)
        }
        defer {
            if lock >= 0 {
                try? AuditFiles.lock(lock, LOCK_UN)
                close(lock)
            }
        }
        return try AuditFiles.list(folder).map { file throws(AuditError) in
            (file.name, file.month, Int(try AuditFiles.status("\(folder)/\(file.name)").size))
        }
    }
}
