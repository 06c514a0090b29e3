import CIICore
import CIIRegistry
import CIIRegistrySQLite
import CIIStore
import CIISynthetic
import Foundation
import Sodium

/// The registry benchmark's data (`Benchmarks/run-registry-bench.sh`).
enum RegistryFill {
    /// Writes `count` synthetic case periods into the registry of the coordinator in `root`
    /// (its key is made if absent), and a wrk Lua file `requests` of 1,000 searches and 1,000
    /// case ids: `{method, path, body}` triples, AVS searches in POST bodies only.
    static func fill(root: String, count: Int, lua: String) async throws {
        let directory = NodeDirectory(root: root)
        let key = try RegistryKey.loadOrCreate(at: RegistryKey.path(of: directory))
        let store = try SQLiteRegistryStore(path: "\(root)/registry.sqlite", key: key)
        let today = Day.today()
        let synthetic = SyntheticRegistry(cases: count, year: today.components.year, today: today, seed: 2023)
        let started = ContinuousClock.now
        let ids = try await synthetic.bulkWrite(into: store)
        try store.checkpoint()
        print("wrote \(ids.count) case periods in \(ContinuousClock.now - started)")
        var random = SystemRandomNumberGenerator()
        var searches: [String] = []
        for index in 0..<1000 {
            let person = synthetic.cases[Int.random(in: 0..<count, using: &random)].newCase.person
            let announcement = synthetic.cases[Int.random(in: 0..<count, using: &random)].newCase.announcement
            let prefix = String(person.surname.prefix(3)).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "A"
            let first = String(person.firstName.prefix(2)).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "A"
            switch index % 5 {
            case 0: searches.append(#"{"GET","/api/v1/registry/cases?surname=\#(prefix)&region=\#(announcement.region.rawValue)",""}"#)
            case 1: searches.append(#"{"GET","/api/v1/registry/cases?surname=\#(prefix)&firstName=\#(first)&pageSize=20",""}"#)
            case 2:
                searches.append(
                    #"{"GET","/api/v1/registry/cases?dispositif=\#(announcement.dispositif.rawValue)&status=open&announcedFrom=\#(announcement.announcedOn.adding(days: -30))&announcedTo=\#(announcement.announcedOn)&sort=announcedOn&order=desc",""}"#
                )
            case 3: searches.append(#"{"GET","/api/v1/registry/cases?birthDate=\#(person.birthDate)",""}"#)
            default: searches.append(#"{"POST","/api/v1/registry/searches",'{"avs":"\#(person.avs)"}'}"#)
            }
        }
        let reads = (0..<1000).map { _ in #"{"GET","/api/v1/registry/cases/\#(ids[Int.random(in: 0..<ids.count, using: &random)])",""}"# }
        let text = "searches = {\n  " + searches.joined(separator: ",\n  ") + "\n}\nreads = {\n  " + reads.joined(separator: ",\n  ") + "\n}\n"
        try text.write(toFile: lua, atomically: true, encoding: .utf8)
    }

    /// The ceiling of a document upload: `megabytes` of random bytes encrypted with secretstream
    /// in 64 KiB chunks and written to a file in `folder`, then fsynced — the vault's work without
    /// its checks. Prints `raw_encrypt_write_mbps=…`.
    static func rawEncryptWrite(megabytes: Int, folder: String) throws {
        let chunk = Sodium.randomBytes(64 * 1024)
        let key = SecretBytes(Sodium.randomBytes(SecretStream.keyLength))
        var rates: [Double] = []
        for round in 0..<5 {
            let path = "\(folder)/raw-\(round).bin"
            let started = ContinuousClock.now
            let stream = try SecretStreamPush(key: key)
            guard
                let file = FileHandle(forWritingAtPath: path)
                    ?? (FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil)
            else {
                throw CocoaError(.fileWriteUnknown)
            }
            try file.write(contentsOf: stream.header)
            let chunks = megabytes * 1_000_000 / chunk.count
            for index in 0..<chunks {
                let sealed = try stream.push(chunk, tag: index == chunks - 1 ? .final : .message)
                var length = UInt32(sealed.count).bigEndian
                try file.write(contentsOf: Data(bytes: &length, count: 4))
                try file.write(contentsOf: sealed)
            }
            try file.synchronize()
            try file.close()
            let seconds = (ContinuousClock.now - started) / .seconds(1)
            rates.append(Double(chunks * chunk.count) / 1_000_000 / seconds)
            try FileManager.default.removeItem(atPath: path)
        }
        rates.sort()
        print("raw_encrypt_write_mbps=\(String(format: "%.0f", rates[rates.count / 2]))")
    }
}
