// swift-tools-version:6.1
// Benchmarks of the ciid package (`make bench`, see Benchmarks/bench.sh): our figures beside a
// ceiling measured in the same run. A package of its own so that the main package never builds
// the benchmark tooling; its build folder is Benchmarks/.build.

import PackageDescription

let package = Package(
    name: "ciid-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "ciid", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // Synthetic replicas, CSV exports and raw SQLite ceilings shared by the benchmarks.
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "CIICore", package: "ciid"),
                .product(name: "CIIStore", package: "ciid"),
                .product(name: "Sodium", package: "ciid"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Fills a node's replica (bench.sh, run-http-bench.sh) and prebuilds the cached replicas.
        .executableTarget(
            name: "bench-fill",
            dependencies: [
                "BenchSupport",
                .product(name: "CIIStore", package: "ciid"),
                .product(name: "CIIRegistry", package: "ciid"),
                .product(name: "CIIRegistrySQLite", package: "ciid"),
                .product(name: "CIISynthetic", package: "ciid"),
                .product(name: "Sodium", package: "ciid"),
            ]
        ),

        .executableTarget(
            name: "Fingerprint",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CIICore", package: "ciid"),
                .product(name: "Sodium", package: "ciid"),
            ],
            path: "Benchmarks/Fingerprint",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Check",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CIICore", package: "ciid"),
                .product(name: "CIIStore", package: "ciid"),
            ],
            path: "Benchmarks/Check",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Import",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CIICore", package: "ciid"),
                .product(name: "CIIStore", package: "ciid"),
                .product(name: "CIIImport", package: "ciid"),
            ],
            path: "Benchmarks/Import",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Index",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CIICore", package: "ciid"),
                .product(name: "CIIStore", package: "ciid"),
            ],
            path: "Benchmarks/Index",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Memory",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CIICore", package: "ciid"),
                .product(name: "CIIStore", package: "ciid"),
            ],
            path: "Benchmarks/Memory",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
