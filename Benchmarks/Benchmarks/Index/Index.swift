import BenchSupport
import Benchmark
import CIICore
import CIIStore
import Foundation
import Synchronization

/// `Index`: the in-memory index of the replica that `ciid serve` builds at start and checks read.
///
/// - "Index build": `NodeStore.loadReplicaIndex()` on the cached replica of 1M and 5M entries (the
///   scan of the database included, its file in the page cache after the warm-up), with the size
///   of the index's arrays and the growth of the resident set it caused.
/// - "Check during a 1M resync": a node holding the 1M replica (a copy) and its index, whose
///   ``StoreWriter`` applies, for the whole measurement, full resends of 1,000,000 new
///   fingerprints by another origin: reset batches of 5,000 changes (the federation's batch size)
///   through `NodeStore.applyBatch`, the call `BatchReceiver` makes once it opened a batch. The
///   benchmark's thread times one check per iteration meanwhile, in process. Beside it, in the same
///   run, the same checks on the idle node ("Check 1M entries" of the Check benchmark, and the
///   idle figure below measured before the resync starts).
let benchmarks: @Sendable () -> Void = {
    let indexMB = BenchmarkMetric.custom("index arrays (MB)", polarity: .prefersSmaller, useScalingFactor: false)
    let growthMB = BenchmarkMetric.custom("resident set growth (MB)", polarity: .prefersSmaller, useScalingFactor: false)
    let applied = BenchmarkMetric.custom("changes applied per s", polarity: .prefersLarger, useScalingFactor: false)

    for size in [1_000_000, 5_000_000] {
        let label = "\(size / 1_000_000)M"
        let replica = Holder<CachedReplica>()
        Benchmark(
            "Index build \(label) entries",
            configuration: .init(
                metrics: [.wallClock, indexMB, growthMB],
                timeUnits: .milliseconds,
                warmupIterations: 1,
                maxDuration: .seconds(60),
                maxIterations: 3,
                setup: { replica.value = try CachedReplica(count: size) }
            )
        ) { benchmark in
            let store = try NodeStore(path: replica.value!.directory.database)
            let before = ResidentMemory.current().resident
            benchmark.startMeasurement()
            let load = try store.loadReplicaIndex()
            benchmark.stopMeasurement()
            precondition(load.entries == size, "the index holds \(load.entries) entries, not \(size)")
            benchmark.measurement(indexMB, load.bytes / 1_000_000)
            benchmark.measurement(growthMB, max(0, ResidentMemory.current().resident - before) / 1_000_000)
            blackHole(store)
        }
    }

    let checked = 1 << 17
    let resync = Holder<Resync>()
    for phase in ["idle", "resync"] {
        Benchmark(
            phase == "idle" ? "Check 1M entries, idle node" : "Check 1M entries during a 1M resync",
            configuration: .init(
                metrics: phase == "idle" ? [.wallClock] : [.wallClock, applied],
                timeUnits: .nanoseconds,
                warmupIterations: 1000,
                maxDuration: .seconds(10),
                maxIterations: 5_000_000,
                setup: {
                    if resync.value == nil { resync.value = try Resync(checked: checked) }
                    if phase == "resync" { resync.value!.start() }
                },
                teardown: {
                    if phase == "resync" {
                        resync.value?.stop()
                        resync.value = nil
                    }
                }
            )
        ) { benchmark in
            let fixture = resync.value!
            let number = fixture.numbers[benchmark.currentIteration & (checked - 1)]
            benchmark.startMeasurement()
            blackHole(try? fixture.checker.check(number, today: fixture.day))
            benchmark.stopMeasurement()
            if phase == "resync", benchmark.currentIteration == 0 || benchmark.currentIteration % 65_536 == 0 {
                benchmark.measurement(applied, fixture.rate())
            }
        }
    }
}

/// A copy of the 1M replica with its index, a writer that resends 1M fingerprints over and over
/// once started, and the checks to time.
final class Resync: @unchecked Sendable {
    let folder: String
    let store: NodeStore
    let writer = StoreWriter(name: "ciid-resync")
    let checker: AlertChecker
    let numbers: [AVSNumber]
    let day: Day
    let key: FingerprintKey
    private let progress = ResyncProgress()
    private let started = Mutex<ContinuousClock.Instant?>(nil)
    private var task: Task<Void, any Error>?

    init(checked: Int) throws {
        let replica = try CachedReplica(count: 1_000_000)
        folder = try BenchData.temporaryFolder("resync")
        try FileManager.default.copyItem(atPath: replica.directory.database, toPath: folder + "/node.sqlite")
        store = try NodeStore(path: folder + "/node.sqlite")
        try store.loadReplicaIndex()
        key = replica.key
        day = replica.day
        checker = AlertChecker(node: BenchData.asking, keys: [replica.key], window: .standard, reader: ReplicaReader(store: store))
        numbers = BenchData.checkedNumbers(checked, replicaSize: 1_000_000)
        for number in numbers { _ = try checker.check(number, today: day) }
    }

    deinit { BenchData.remove(folder) }

    /// Starts resending, until ``stop()``: persons 2M..<3M (nobody the checks look for), from an
    /// origin the replica does not hold yet, batch after batch on the writer.
    func start() {
        progress.running.store(true, ordering: .relaxed)
        started.withLock { $0 = .now }
        let fingerprinter = Fingerprinter(key: key)
        let origin = try! NodeID("resync-vs")
        let day = self.day
        let (store, writer, progress) = (self.store, self.writer, self.progress)
        let batch = 5_000
        task = Task.detached {
            var generation: UInt64 = 0
            while progress.running.load(ordering: .relaxed) {
                generation += 1
                var after: Int64 = 0
                for start in stride(from: 0, to: 1_000_000, by: batch) where progress.running.load(ordering: .relaxed) {
                    let batchChanges = (start..<start + batch).map {
                        ReplicaChange(fingerprint: fingerprinter.fingerprint(BenchData.avs(2_000_000 + $0)), epoch: fingerprinter.epoch, lastOn: day)
                    }
                    let through = after + Int64(batch)
                    let (from, gen) = (after, generation)
                    _ = try await writer.perform {
                        try store.applyBatch(
                            origin: origin,
                            dispositif: .cms,
                            after: from,
                            through: through,
                            changes: batchChanges,
                            reset: from == 0,
                            generation: gen,
                            reachesEnd: through == 1_000_000
                        )
                    }
                    progress.changes.add(batch, ordering: .relaxed)
                    after = through
                }
            }
        }
    }

    /// Changes applied per second since ``start()``.
    func rate() -> Int {
        guard let since = started.withLock({ $0 }) else { return 0 }
        let elapsed = since.duration(to: .now).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return seconds > 0 ? Int(Double(progress.changes.load(ordering: .relaxed)) / seconds) : 0
    }

    func stop() {
        progress.running.store(false, ordering: .relaxed)
        let semaphore = DispatchSemaphore(value: 0)
        let task = self.task
        let writer = self.writer
        Task.detached {
            _ = try? await task?.value
            await writer.shutdown()
            semaphore.signal()
        }
        semaphore.wait()
    }
}

/// Whether the resync runs, and the changes it applied.
final class ResyncProgress: Sendable {
    let running = Atomic<Bool>(false)
    let changes = Atomic<Int>(0)
}

/// State made by a benchmark's setup, read by its iterations (one thread at a time).
final class Holder<Value>: @unchecked Sendable {
    var value: Value?
}
