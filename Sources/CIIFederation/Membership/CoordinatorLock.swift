import CIIStore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `federation/coordinator.lock`, held while the coordinator reads,
/// changes and signs its membership, so that `ciid federation admit` (one process) and the
/// manifest renewal of `ciid serve` (another) never sign a member list the other just replaced.
enum CoordinatorLock {
    /// Runs `body` holding the lock of `folder`, waiting for it as long as it takes.
    static func holding<T>(_ folder: String, _ body: () throws -> T) throws -> T {
        let path = "\(folder)/coordinator.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError(.cannotOpen, "cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StoreError(.writeFailed, "cannot lock \(path): \(String(cString: strerror(errno)))") }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
