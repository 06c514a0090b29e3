import BenchSupport
import Benchmark
import CIICore
import CIIStore

/// `Check`: one in-process alert check, `AlertChecker.check(avs, today:)` (fingerprint, lookup in
/// the in-memory index that `ciid serve` loads at start, answer), per call, on replicas of
/// 100,000, 1,000,000 and 5,000,000 entries; about half of the checked people are in the
/// replica. Beside it, two ceilings on the same data: a raw SQLite point lookup of a precomputed
/// fingerprint (C API, prepared statement, read transaction held open, mmap), and a lookup of a
/// precomputed fingerprint in a Swift `Set` of all the replica's fingerprints (the natural
/// in-memory ceiling). All are warmed first by one pass over the checked people, as a node that
/// has been serving a while.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock],
        timeUnits: .nanoseconds,
        warmupIterations: 1000,
        maxDuration: .seconds(3),
        maxIterations: 2_000_000
    )

    let checked = 1 << 17  // distinct people checked, in a fixed random order

    // What the harness itself adds to each figure below: an iteration that does nothing.
    Benchmark("Harness: empty iteration") { benchmark in
        benchmark.startMeasurement()
        blackHole(benchmark.currentIteration)
    }

    for size in [100_000, 1_000_000, 5_000_000] {
        let label = size >= 1_000_000 ? "\(size / 1_000_000)M" : "\(size / 1000)k"
        let checker = Holder<(AlertChecker, [AVSNumber], Day)>()
        Benchmark(
            "Check \(label) entries",
            configuration: .init(setup: {
                let replica = try CachedReplica(count: size)
                let store = try NodeStore(path: replica.directory.database)
                try store.loadReplicaIndex()
                let value = AlertChecker(node: BenchData.asking, keys: [replica.key], window: .standard, reader: ReplicaReader(store: store))
                let numbers = BenchData.checkedNumbers(checked, replicaSize: size)
                var known = 0
                for number in numbers where try !value.check(number, today: replica.day).matches.isEmpty { known += 1 }
                precondition(known > checked / 4, "the replica should answer about half of the checks, not \(known) of \(checked)")
                checker.value = (value, numbers, replica.day)
            })
        ) { benchmark in
            let (value, numbers, today) = checker.value!
            let number = numbers[benchmark.currentIteration & (checked - 1)]
            benchmark.startMeasurement()
            blackHole(try? value.check(number, today: today))
        }

        let lookup = Holder<(RawLookup, [Fingerprint])>()
        Benchmark(
            "Ceiling: raw SQLite lookup \(label) entries",
            configuration: .init(setup: {
                let replica = try CachedReplica(count: size)
                let raw = RawLookup(path: replica.directory.database)
                let fingerprinter = Fingerprinter(key: replica.key)
                let fingerprints = BenchData.checkedNumbers(checked, replicaSize: size).map(fingerprinter.fingerprint)
                for fingerprint in fingerprints { blackHole(raw.lookup(fingerprint)) }
                lookup.value = (raw, fingerprints)
            })
        ) { benchmark in
            let (raw, fingerprints) = lookup.value!
            let fingerprint = fingerprints[benchmark.currentIteration & (checked - 1)]
            benchmark.startMeasurement()
            blackHole(raw.lookup(fingerprint))
        }

        let set = Holder<(Set<Fingerprint>, [Fingerprint])>()
        Benchmark(
            "Ceiling: Swift Set lookup \(label) entries",
            configuration: .init(
                setup: {
                    let replica = try CachedReplica(count: size)
                    let fingerprinter = Fingerprinter(key: replica.key)
                    var all = Set<Fingerprint>(minimumCapacity: size)
                    for index in 0..<size { all.insert(fingerprinter.fingerprint(BenchData.avs(index))) }
                    let fingerprints = BenchData.checkedNumbers(checked, replicaSize: size).map(fingerprinter.fingerprint)
                    for fingerprint in fingerprints { blackHole(all.contains(fingerprint)) }
                    set.value = (all, fingerprints)
                },
                teardown: { set.value = nil }
            )
        ) { benchmark in
            let (all, fingerprints) = set.value!
            let fingerprint = fingerprints[benchmark.currentIteration & (checked - 1)]
            benchmark.startMeasurement()
            blackHole(all.contains(fingerprint))
        }
    }
}

/// State made by a benchmark's setup, read by its iterations (one thread at a time).
final class Holder<Value>: @unchecked Sendable {
    var value: Value?
}
