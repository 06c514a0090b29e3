// swift-tools-version:6.1
// libFuzzer targets of the ciid package (`make fuzz`, see Fuzz/fuzz.sh and docs/robustness.md).
// A package of its own so that the main package never builds them; its build folder is
// Fuzz/.build. Each product is one fuzz target, built alone (libFuzzer brings its own `main`):
//
//     swift build -c release --package-path Fuzz --product FuzzAVS \
//         -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// Every target touches parsing code only: no database, no network, no files.

import PackageDescription

let package = Package(
    name: "ciid-fuzz",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "FuzzAVS", targets: ["FuzzAVS"]),
        .executable(name: "FuzzConfig", targets: ["FuzzConfig"]),
        .executable(name: "FuzzCSV", targets: ["FuzzCSV"]),
        .executable(name: "FuzzBatch", targets: ["FuzzBatch"]),
        .executable(name: "FuzzManifest", targets: ["FuzzManifest"]),
        .executable(name: "FuzzJoinRequest", targets: ["FuzzJoinRequest"]),
        .executable(name: "FuzzAdmission", targets: ["FuzzAdmission"]),
        .executable(name: "FuzzAudit", targets: ["FuzzAudit"]),
        .executable(name: "FuzzForm", targets: ["FuzzForm"]),
    ],
    dependencies: [
        .package(name: "ciid", path: "../")
    ],
    targets: [
        // Calls libFuzzer's driver from each target's `main` (see FuzzDriver.h).
        .target(name: "FuzzDriver"),

        // AVSNumber(_:): the number as people type it.
        .executableTarget(name: "FuzzAVS", dependencies: ["FuzzDriver", .product(name: "CIICore", package: "ciid")]),
        // NodeConfiguration(parsing:file:): the text of ciid.conf.
        .executableTarget(name: "FuzzConfig", dependencies: ["FuzzDriver", .product(name: "CIICore", package: "ciid")]),
        // FollowUpImporter.parse(_:today:): encoding, dialect, header and rows of a CSV export.
        .executableTarget(
            name: "FuzzCSV",
            dependencies: [
                "FuzzDriver",
                .product(name: "CIICore", package: "ciid"), .product(name: "CIIStore", package: "ciid"),
                .product(name: "CIIImport", package: "ciid"),
            ]
        ),
        // Batch(decoding:): the wire form of a batch from a peer.
        .executableTarget(name: "FuzzBatch", dependencies: ["FuzzDriver", .product(name: "CIIFederation", package: "ciid")]),
        // SignedManifest(json:) and the manifest inside it.
        .executableTarget(
            name: "FuzzManifest",
            dependencies: ["FuzzDriver", .product(name: "CIIFederation", package: "ciid"), .product(name: "Sodium", package: "ciid")]
        ),
        // JoinRequest(json:source:): a join request file.
        .executableTarget(name: "FuzzJoinRequest", dependencies: ["FuzzDriver", .product(name: "CIIFederation", package: "ciid")]),
        // Admission(json:source:): an admission file.
        .executableTarget(name: "FuzzAdmission", dependencies: ["FuzzDriver", .product(name: "CIIFederation", package: "ciid")]),
        // AuditLine.read(_:): one line of the audit log (the reader `audit verify` uses).
        .executableTarget(name: "FuzzAudit", dependencies: ["FuzzDriver", .product(name: "CIIAudit", package: "ciid")]),
        // FormData(parsing:): a submitted form body (login, second factor, ...).
        .executableTarget(name: "FuzzForm", dependencies: ["FuzzDriver", .product(name: "CIIServer", package: "ciid")]),
    ]
)
