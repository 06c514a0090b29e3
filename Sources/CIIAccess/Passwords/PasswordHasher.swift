import Foundation
import Sodium
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Runs Argon2id (``PasswordHash``) on a few threads of its own, never on Swift's cooperative pool:
/// a burst of logins then waits for these threads instead of starving checks and pages.
///
/// `threads` dedicated threads (by default one fewer than the cores, at least one) take jobs from
/// a queue of at most `queueLimit` waiting jobs; a job that finds the queue full is refused at
/// once with ``HashingBusy`` (the login answers 503 with `Retry-After`). The threads start on
/// the first job, run at a lower priority than the server's (`nice` 10 more) and end when the hasher
/// is released.
public final class PasswordHasher: Sendable {
    /// How many threads hash.
    public let threads: Int
    /// How many jobs may wait for a thread.
    public let queueLimit: Int
    private let queue: HashQueue

    /// The default number of threads: one fewer than the cores, at least one.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount - 1) }

    /// Creates a hasher; its threads start with the first job.
    /// - Parameters:
    ///   - threads: dedicated threads (nil: ``defaultThreads``).
    ///   - queueLimit: jobs that may wait for a thread before new ones are refused.
    public init(threads: Int? = nil, queueLimit: Int = 32) {
        self.threads = max(1, threads ?? Self.defaultThreads)
        self.queueLimit = max(0, queueLimit)
        self.queue = HashQueue(threads: self.threads, limit: self.queueLimit)
    }

    deinit { queue.close() }

    /// Whether `password` matches `hash` (one Argon2id verification).
    /// - Throws: ``HashingBusy`` when the queue is full.
    public func verify(_ password: String, against hash: String) async throws(HashingBusy) -> Bool {
        try await run { PasswordHash.verify(password, against: hash) }
    }

    /// A new Argon2id hash of `password`.
    /// - Throws: ``HashingBusy`` when the queue is full, ``SodiumError`` when libsodium fails.
    public func hash(_ password: String) async throws -> String {
        try await run { Result { () throws(SodiumError) in try PasswordHash.hash(password) } }.get()
    }

    /// Argon2id computations run so far (verifications and hashes), for tests and metrics.
    public var completed: Int { done.load(ordering: .relaxed) }

    /// Jobs running or waiting now.
    var inFlight: Int { queue.inFlight }

    private let done = Atomic<Int>(0)

    /// Runs `work` on one of the hasher's threads and waits for it without holding a task thread.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(HashingBusy) -> T {
        let outcome: Result<T, HashingBusy> = await withCheckedContinuation { continuation in
            let accepted = queue.submit { [self] in
                let value = work()
                self.done.add(1, ordering: .relaxed)
                continuation.resume(returning: .success(value))
            }
            if !accepted { continuation.resume(returning: .failure(HashingBusy(retryAfter: retryAfter))) }
        }
        return try outcome.get()
    }

    /// Seconds after which a refused login may come back: the time to empty a full queue at
    /// about a tenth of a second a hash, at least one.
    var retryAfter: Int { max(1, Int((Double(queueLimit + threads) * 0.1 / Double(threads)).rounded(.up))) }
}

/// The jobs waiting for a hashing thread, and the threads.
final class HashQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var running = 0
    private var started = false
    private var closed = false
    private let threads: Int
    private let limit: Int

    init(threads: Int, limit: Int) {
        self.threads = threads
        self.limit = limit
    }

    /// Jobs running or waiting.
    var inFlight: Int {
        condition.lock()
        defer { condition.unlock() }
        return jobs.count - head + running
    }

    /// Queues `job`; false when every thread is busy and `limit` jobs wait already (the job is then not run).
    func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if !started {
            started = true
            for index in 0..<threads {
                let thread = Thread { [self] in work() }
                thread.name = "ciid-argon2-\(index)"
                thread.start()
            }
        }
        guard jobs.count - head + running < threads + limit else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        #if canImport(Glibc)
        // On Linux the nice value is per thread, and `who` 0 is the calling thread.
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        _ = setpriority(which, 0, min(19, getpriority(which, 0) + 10))
        #endif
        while true {
            condition.lock()
            while head == jobs.count, !closed { condition.wait() }
            if head == jobs.count, closed {
                condition.unlock()
                return
            }
            let job = jobs[head]
            head += 1
            if head > 64, head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            running += 1
            condition.unlock()
            job()
            condition.lock()
            running -= 1
            condition.unlock()
        }
    }
}
