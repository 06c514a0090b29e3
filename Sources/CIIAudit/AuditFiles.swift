import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(CDispatch)
// In release builds `struct stat` is owned by the module that first included <sys/stat.h>:
// Dispatch's C module on Linux. Without this import its fields are not visible.
import CDispatch
#endif

/// The files of the log in its folder: one per month, `audit-2026-11.jsonl`, and `audit.lock`.
enum AuditFiles {
    /// The file whose exclusive `flock` every writer holds while it appends or purges.
    static let lockName = "audit.lock"

    /// `audit-YYYY-MM.jsonl` of a month (`year * 12 + month - 1`).
    static func name(month: Int) -> String {
        let year = String(month / 12)
        let number = String(month % 12 + 1)
        return "audit-\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(number.count == 1 ? "0" : "")\(number).jsonl"
    }

    /// The month a file name stands for, if it is one of the log's.
    static func month(ofName name: String) -> Int? {
        let utf8 = Array(name.utf8)
        guard utf8.count == 19, name.hasPrefix("audit-"), name.hasSuffix(".jsonl"), utf8[10] == 0x2D,
            let year = Int(String(decoding: utf8[6..<10], as: UTF8.self)),
            let month = Int(String(decoding: utf8[11..<13], as: UTF8.self)), (1...12).contains(month)
        else { return nil }
        return year * 12 + month - 1
    }

    /// The monthly files in `folder`, oldest first; none when the folder does not exist.
    static func list(_ folder: String) throws(AuditError) -> [(name: String, month: Int)] {
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw AuditError(.readFailed, "cannot list the audit folder \(folder): \(error.localizedDescription)")
        }
        return names.compactMap { name in month(ofName: name).map { (name, $0) } }.sorted { $0.month < $1.month }
    }

    /// The ranges of the lines of `bytes`, each without its newline; a last line without one is left out.
    static func lines(_ bytes: ArraySlice<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = bytes.startIndex
        var index = start
        while let newline = bytes[index...].firstIndex(of: 0x0A) {
            out.append(start..<newline)
            index = newline + 1
            start = index
        }
        return out
    }

    /// The text of `errno`.
    static var lastError: String { String(cString: strerror(errno)) }

    /// Reads the whole of a file, up to `limit` bytes.
    static func read(_ path: String, limit: Int? = nil) throws(AuditError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw AuditError(.readFailed, "cannot read \(path)") }
        return limit.map { Array(data.prefix($0)) } ?? Array(data)
    }

    /// Takes (`LOCK_EX` or `LOCK_SH`) or releases (`LOCK_UN`) a `flock` on `descriptor`, waiting as long as it takes.
    static func lock(_ descriptor: Int32, _ operation: Int32) throws(AuditError) {
        while flock(descriptor, operation) != 0 {
            guard errno == EINTR else { throw AuditError(.cannotOpen, "cannot lock the audit folder: \(lastError)") }
        }
    }

    /// The size and inode of the open file `descriptor` (`fstat`: the appender asks at every
    /// batch, and `FileManager` would cost a path lookup and a dictionary of attributes).
    static func status(descriptor: Int32, path: String) throws(AuditError) -> (size: Int64, inode: UInt64) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw AuditError(.readFailed, "cannot read \(path): \(lastError)") }
        return (Int64(info.st_size), UInt64(info.st_ino))
    }

    /// When a folder's entries last changed (`st_mtim`, to the nanosecond).
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
    }

    /// The change time of the folder at `path`; nil when it cannot be read.
    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
    }

    /// The size and inode of the file at `path` (one `stat`); nil when there is none.
    static func status(atPath path: String) -> (size: Int64, inode: UInt64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int64(info.st_size), UInt64(info.st_ino))
    }

    /// The size and inode of the file at `path` (through Foundation: the C `stat` type does not
    /// import the same way in every build mode).
    static func status(_ path: String) throws(AuditError) -> (size: Int64, inode: UInt64) {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
            return (size, inode)
        } catch {
            throw AuditError(.readFailed, "cannot read \(path): \(error.localizedDescription)")
        }
    }
}
