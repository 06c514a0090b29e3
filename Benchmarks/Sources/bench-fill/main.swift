import BenchSupport
import CIICore
import CIIStore
import Foundation

/// `bench-fill prepare COUNT...`: builds the cached replicas of the Check and Memory benchmarks
/// (Benchmarks/.data/replica-COUNT), so that their build time stays out of the measurements.
///
/// `bench-fill node DATA_DIR COUNT BODIES_LUA`: fills the replica of the node in DATA_DIR with
/// COUNT entries made with the node's own federation key, and writes to BODIES_LUA a wrk Lua
/// table `bodies` of 1,000 check request bodies, about half of them people in the replica.
///
/// `bench-fill registry DATA_DIR COUNT REQUESTS_LUA`: writes COUNT synthetic case periods into the
/// registry of the coordinator in DATA_DIR and the wrk Lua tables `searches` and `reads`.
///
/// `bench-fill raw-encrypt-write MEGABYTES FOLDER`: the ceiling of a document upload.
///
/// `bench-fill raw-replica-insert COUNT DB`: the ceiling of replication, COUNT rows inserted into a
/// fresh table shaped like the compact replica at DB; prints `rows seconds rows_per_second bytes_per_row`.
let arguments = CommandLine.arguments.dropFirst()
do {
    switch arguments.first {
    case "prepare":
        for count in arguments.dropFirst().compactMap({ Int($0) }) {
            let replica = try CachedReplica(count: count)
            print("replica-\(count): \(replica.fileSize / 1_000_000) MB")
        }
    case "node" where arguments.count == 4:
        let values = Array(arguments)
        let directory = NodeDirectory(root: values[1])
        guard let count = Int(values[2]), let key = try FederationKeyStore(directory: directory).keys().first else {
            throw StoreError(.refused, "usage: bench-fill node DATA_DIR COUNT BODIES_LUA, on a node that holds a federation key")
        }
        let started = ContinuousClock.now
        let store = try NodeStore(path: directory.database)
        try BenchData.fill(store, count: count, fingerprinter: Fingerprinter(key: key), day: .today())
        let bodies = BenchData.checkedNumbers(1000, replicaSize: count).map { "  '{\"avs\":\"\($0.formatted)\"}'," }
        try ("bodies = {\n" + bodies.joined(separator: "\n") + "\n}\n").write(toFile: values[3], atomically: true, encoding: .utf8)
        print("filled \(directory.database) with \(count) entries in \(ContinuousClock.now - started)")
    case "registry" where arguments.count == 4:
        let values = Array(arguments)
        guard let count = Int(values[2]), count > 0 else { throw StoreError(.refused, "usage: bench-fill registry DATA_DIR COUNT REQUESTS_LUA") }
        try await RegistryFill.fill(root: values[1], count: count, lua: values[3])
    case "raw-encrypt-write" where arguments.count == 3:
        let values = Array(arguments)
        guard let megabytes = Int(values[1]), megabytes > 0 else {
            throw StoreError(.refused, "usage: bench-fill raw-encrypt-write MEGABYTES FOLDER")
        }
        try RegistryFill.rawEncryptWrite(megabytes: megabytes, folder: values[2])
    case "raw-replica-insert" where arguments.count == 3:
        let values = Array(arguments)
        guard let count = Int(values[1]), count > 0 else { throw StoreError(.refused, "usage: bench-fill raw-replica-insert COUNT DB") }
        let result = RawReplicaInsert.run(path: values[2], rows: count)
        print("\(result.rows) \(result.seconds) \(Double(result.rows) / result.seconds) \(result.bytesPerRow)")
    default:
        FileHandle.standardError.write(
            Data(
                "usage: bench-fill prepare COUNT... | node DATA_DIR COUNT BODIES_LUA | registry DATA_DIR COUNT REQUESTS_LUA | raw-encrypt-write MEGABYTES FOLDER | raw-replica-insert COUNT DB\n"
                    .utf8
            )
        )
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("bench-fill: \(error)\n".utf8))
    exit(1)
}
