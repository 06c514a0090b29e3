// swift-tools-version:6.2
// The ciid package: one executable that runs every node of the CII federation.

import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ciid",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ciid", targets: ["ciid"]),
        .library(name: "CIICore", targets: ["CIICore"]),
        .library(name: "CIIStore", targets: ["CIIStore"]),
        .library(name: "CIIImport", targets: ["CIIImport"]),
        .library(name: "CIIServer", targets: ["CIIServer"]),
        .library(name: "CIISynthetic", targets: ["CIISynthetic"]),
        .library(name: "Sodium", targets: ["Sodium"]),
        .library(name: "Curl", targets: ["Curl"]),
        .library(name: "CIIAccess", targets: ["CIIAccess"]),
        .library(name: "CIIAudit", targets: ["CIIAudit"]),
        .library(name: "CIIFederation", targets: ["CIIFederation"]),
        .library(name: "CIIRegistry", targets: ["CIIRegistry"]),
        .library(name: "CIIRegistrySQLite", targets: ["CIIRegistrySQLite"]),
        .library(name: "CIIRegistryImport", targets: ["CIIRegistryImport"]),
        .library(name: "CIIReport", targets: ["CIIReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
    ],
    targets: [
        // System libraries (Debian: libsodium-dev, libcurl4-openssl-dev).
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),

        // Thin safe Swift APIs over them.
        .target(name: "Sodium", dependencies: ["CSodium"], swiftSettings: swiftSettings),
        .target(name: "Curl", dependencies: ["CCurl"], swiftSettings: swiftSettings),
        .target(name: "QRCode", dependencies: ["CQRencode"], swiftSettings: swiftSettings),

        // The domain: AVS numbers, fingerprints, epochs, dispositifs, days, windows. No I/O.
        .target(name: "CIICore", dependencies: ["CSodium", "Sodium"], swiftSettings: swiftSettings),

        // The node database: schema, migrations, own follow-ups, change log, replica, the check.
        .target(
            name: "CIIStore",
            dependencies: [
                "CIICore",
                "Sodium",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),

        // Synthetic follow-ups (valid, clearly synthetic AVS numbers) for the demo and benchmarks.
        .target(name: "CIISynthetic", dependencies: ["CIICore", "CIIRegistry"], swiftSettings: swiftSettings),

        // CSV exports of the institutions' follow-ups, applied as snapshots.
        .target(name: "CIIImport", dependencies: ["CIICore", "CIIStore"], swiftSettings: swiftSettings),

        // The federation: manifest, batches (encode, sign, seal, verify, apply), publisher, receiver, repair.
        .target(
            name: "CIIFederation",
            dependencies: [
                "CIICore", "CIIStore", "Sodium", "Curl",
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: swiftSettings
        ),

        // The audit log: append-only, hash-chained monthly files, written by the server and the CLI.
        .target(
            name: "CIIAudit",
            dependencies: [
                "CIIStore", "Sodium",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // The MX-CII registry of complex cases (coordinator): domain rules, sealing, and the
        // RegistryStore protocol. No HTTP, nothing SQLite-only.
        .target(name: "CIIRegistry", dependencies: ["CIICore", "CIIStore", "Sodium"], swiftSettings: swiftSettings),

        // The registry's default storage: RegistryStore on SQLite through GRDB, in a file of its own.
        .target(
            name: "CIIRegistrySQLite",
            dependencies: ["CIIRegistry", "CIICore", "CIIStore", "Sodium", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),

        // Case periods imported into the registry from CSV files (docs/registry-csv.md), read with
        // the follow-up import's CSV reader and checked with the registry's own rules.
        .target(name: "CIIRegistryImport", dependencies: ["CIICore", "CIIImport", "CIIRegistry"], swiftSettings: swiftSettings),

        // The annual report: every figure of the bureau's yearly report from the registry and the
        // replica (counts only), its year-end snapshot, and its HTML/SVG, CSV and JSON renderers.
        .target(name: "CIIReport", dependencies: ["CIICore", "CIIStore", "CIIRegistry"], swiftSettings: swiftSettings),

        // People and access: accounts, passwords, second factor, sessions, tokens, rate limits, mail.
        .target(
            name: "CIIAccess",
            dependencies: [
                "CIICore", "CIIStore", "CIIAudit", "Sodium", "Curl",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // HTTPS server: routes, pages, templates, TLS, metrics. No business rules.
        .target(
            name: "CIIServer",
            dependencies: [
                "CIICore",
                "CIIStore",
                "CIIFederation",
                "CIIAccess",
                "CIIAudit",
                "CIIRegistry",
                "CIIReport",
                "QRCode",
                "Sodium",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "ciid",
            dependencies: [
                "CIICore",
                "CIIStore",
                "CIIImport",
                "CIIFederation",
                "CIIAccess",
                "CIIAudit",
                "CIIServer",
                "CIIRegistry",
                "CIIRegistrySQLite",
                "CIIRegistryImport",
                "CIIReport",
                "CIISynthetic",
                "Curl",
                "Sodium",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "SodiumTests", dependencies: ["Sodium"], swiftSettings: swiftSettings),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CurlTests",
            dependencies: [
                "Curl",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CIICoreTests", dependencies: ["CIICore", "CIITestSupport", "Sodium"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CIIStoreTests",
            dependencies: ["CIICore", "CIIStore", "Sodium", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CIIImportTests", dependencies: ["CIICore", "CIIStore", "CIIImport", "CIITestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CIIFederationTests",
            dependencies: [
                "CIICore", "CIIFederation", "CIIStore", "CIITestSupport", "Sodium",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CIIAccessTests",
            dependencies: [
                "CIICore", "CIIStore", "CIIAccess", "CIIAudit", "Sodium", "Curl",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            ],
            swiftSettings: swiftSettings
        ),
        // What several test targets share (no product): the fuzz corpora, promtool.
        .target(name: "CIITestSupport", path: "Sources/CIITestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "CIIRegistryTests",
            dependencies: ["CIIRegistry", "CIIRegistryImport", "CIIRegistrySQLite", "CIICore", "CIIStore", "CIISynthetic", "Sodium"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CIIRegistryImportTests",
            dependencies: ["CIIRegistryImport", "CIIRegistry", "CIIRegistrySQLite", "CIIImport", "CIICore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CIIReportTests",
            dependencies: ["CIIReport", "CIIRegistry", "CIIRegistrySQLite", "CIIStore", "CIICore", "CIISynthetic"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CIIAuditTests",
            dependencies: ["CIIAudit", "CIIStore", "CIITestSupport", "Sodium", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CIIServerTests",
            dependencies: [
                "CIICore", "CIIStore", "CIIServer", "CIIAccess", "CIIAudit", "CIIFederation", "CIITestSupport", "Curl", "QRCode",
                "CIIRegistry", "CIIRegistrySQLite", "CIIReport", "Sodium", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ciidTests",
            dependencies: [
                "ciid", "Curl", "CIICore", "CIIStore", "CIIAudit", "CIIFederation", "CIIRegistry", "CIIRegistrySQLite", "CIIReport",
                "CIITestSupport", "Sodium",
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
