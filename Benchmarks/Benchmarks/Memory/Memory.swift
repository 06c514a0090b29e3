import BenchSupport
import Benchmark
import CIICore
import CIIStore
import Foundation

/// `Memory`: the resident set of a process that holds a replica of 1,000,000 or 5,000,000
/// entries and answers checks on it, as a node does (the in-memory index loaded, as `ciid serve`
/// does at start): each iteration runs 200,000 checks of people drawn from the whole replica,
/// then records VmRSS (`/proc/self/status`). The plugin's
/// peak resident memory is reported too. "Baseline" is the same process with no replica, for
/// the harness's own share. The reference size beside it is the database file (bench.sh).
let benchmarks: @Sendable () -> Void = {
    let resident = BenchmarkMetric.custom("VmRSS after checks (MB)", polarity: .prefersSmaller, useScalingFactor: false)
    Benchmark.defaultConfiguration = .init(
        metrics: [.peakMemoryResident, resident],
        warmupIterations: 0,
        maxDuration: .seconds(20),
        maxIterations: 2
    )

    Benchmark("Memory baseline, no replica") { benchmark in
        benchmark.measurement(resident, ResidentMemory.current().resident / 1_000_000)
    }

    for size in [1_000_000, 5_000_000] {
        let fixture = Holder<(AlertChecker, [AVSNumber], Day)>()
        Benchmark(
            "Memory \(size / 1_000_000)M entries",
            configuration: .init(setup: {
                let replica = try CachedReplica(count: size)
                let store = try NodeStore(path: replica.directory.database)
                try store.loadReplicaIndex()
                let checker = AlertChecker(node: BenchData.asking, keys: [replica.key], window: .standard, reader: ReplicaReader(store: store))
                fixture.value = (checker, BenchData.checkedNumbers(200_000, replicaSize: size, seed: 9), replica.day)
            })
        ) { benchmark in
            let (checker, numbers, today) = fixture.value!
            for number in numbers { blackHole(try? checker.check(number, today: today)) }
            benchmark.measurement(resident, ResidentMemory.current().resident / 1_000_000)
        }
    }
}

/// State made by a benchmark's setup, read by its iterations (one thread at a time).
final class Holder<Value>: @unchecked Sendable {
    var value: Value?
}
