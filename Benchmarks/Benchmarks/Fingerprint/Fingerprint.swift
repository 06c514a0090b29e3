import Benchmark
import CIICore
import Sodium

/// `Fingerprint`: the cost of turning one AVS number into its fingerprint
/// (`Fingerprinter.fingerprint`: digits, keyed and personalised BLAKE2b-256), beside the raw
/// ceiling: libsodium's keyed `crypto_generichash` of the same 13 digits with a 32-byte key,
/// called through `Sodium.GenericHash.hash(_:key:into:)`. 1,000 hashes per iteration; the
/// figures are per hash.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput],
        timeUnits: .nanoseconds,
        warmupIterations: 100,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )

    let key = FingerprintKey.generate(epoch: .first)
    let numbers = (0..<1000).map { AVSNumber(completing: 756_000_000_000 + UInt64($0) &* 7919) }

    Benchmark("Fingerprinter.fingerprint") { benchmark in
        let fingerprinter = Fingerprinter(key: key)
        for index in benchmark.scaledIterations {
            blackHole(fingerprinter.fingerprint(numbers[index]))
        }
    }

    // The same digits as the fingerprinter hashes, laid out once: 13 bytes per number.
    let digits: [UInt8] = numbers.flatMap { number in number.withDigits { Array($0) } }
    let secret = key.secret.copyBytes()

    Benchmark("Ceiling: raw keyed BLAKE2b of 13 bytes") { benchmark in
        var out = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        digits.withUnsafeBytes { all in
            secret.withUnsafeBytes { key in
                withUnsafeMutableBytes(of: &out) { output in
                    for index in benchmark.scaledIterations {
                        GenericHash.hash(UnsafeRawBufferPointer(rebasing: all[index * 13..<index * 13 + 13]), key: key, into: output)
                        blackHole(output[0])
                    }
                }
            }
        }
    }
}
