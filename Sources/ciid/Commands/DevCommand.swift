import ArgumentParser
import CIIAccess
import CIICore
import CIIImport
import CIIStore
import CIISynthetic
import Foundation

/// `ciid dev`: tools for development and demonstration nodes only.
struct DevCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Tools for development and demonstration nodes (never on a production node).",
        subcommands: [Seed.self, Population.self, Registry.self]
    )

    struct Seed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fill a development node with synthetic people (AVS numbers 756.9999.xxxx.xx).",
            discussion: """
                Imports the node's own share of a synthetic population through the normal CSV import, and
                writes the other dispositifs' shares straight into the replica, as the federation would
                deliver them. Prints AVS numbers to try.
                """
        )

        @OptionGroup var node: NodeOptions
        @Option(help: "People in the synthetic population (at most 100000).") var people: Int = 40_000
        @Option(help: "Seed of the draw.") var seed: UInt64 = 2023

        func run() throws {
            guard (1...100_000).contains(people) else { throw ValidationError("--people is from 1 to 100000") }
            let (directory, configuration) = try node.load()
            guard let own = configuration.dispositif else { throw CLIError("only a dispositif node can be seeded") }
            let key = try node.federationKeys(directory)[0]
            let today = Day.today()
            let population = SyntheticPopulation(people: people, today: today, seed: seed)
            let csvPath = "\(directory.root)/synthetic-\(own.rawValue.lowercased()).csv"
            try population.csv(of: own).write(toFile: csvPath, atomically: true, encoding: .utf8)
            let store = try NodeStore(path: directory.database)
            let fingerprinter = Fingerprinter(key: key)
            let audit = ImportAudit(
                log: try NodeAccess.auditLog(directory, configuration),
                source: URL(fileURLWithPath: csvPath).lastPathComponent,
                osUser: NodeAccess.osUser
            )
            let report = try FollowUpImporter(fingerprinter: fingerprinter, window: configuration.window, maximumRejectedPercent: 0)
                .importFile(at: csvPath, into: store, today: today, audit: audit.write)
            let entries = try population.followUps.filter { $0.dispositif != own && configuration.window.contains($0.lastOn, today: today) }.map {
                ReplicaEntry(
                    origin: try NodeID("\($0.dispositif.rawValue.lowercased())-vs"),
                    dispositif: $0.dispositif,
                    fingerprint: fingerprinter.fingerprint($0.avs),
                    epoch: key.epoch,
                    lastOn: $0.lastOn
                )
            }
            try store.upsertReplica(entries)
            print("imported \(report.accepted) synthetic people of \(own.rawValue) from \(csvPath)")
            print("wrote \(entries.count) fingerprints of the other dispositifs into the replica")
            for (label, avs) in examples(population, own: own, today: today, window: configuration.window) { print("  \(label): \(avs.formatted)") }
        }

        /// One person known at two other dispositifs, one at one, one unknown elsewhere.
        func examples(_ population: SyntheticPopulation, own: Dispositif, today: Day, window: RetentionWindow) -> [(String, AVSNumber)] {
            var byPerson: [AVSNumber: [SyntheticPopulation.FollowUp]] = [:]
            for followUp in population.followUps { byPerson[followUp.avs, default: []].append(followUp) }
            func others(_ list: [SyntheticPopulation.FollowUp]) -> Int {
                list.filter { $0.dispositif != own && window.contains($0.lastOn, today: today) }.count
            }
            let sorted = byPerson.sorted { $0.key.digitsValue < $1.key.digitsValue }
            var result: [(String, AVSNumber)] = []
            if let two = sorted.first(where: { others($0.value) == 2 }) { result.append(("known at two other dispositifs", two.key)) }
            if let one = sorted.first(where: { others($0.value) == 1 }) { result.append(("known at one other dispositif", one.key)) }
            if let none = sorted.first(where: { others($0.value) == 0 }) { result.append(("not known elsewhere", none.key)) }
            return result
        }
    }

    struct Population: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic population as six CSV exports, one per dispositif, and print AVS numbers to try.",
            discussion: "AVS numbers come from the block 756.9999.xxxx.xx. The draw is the same on every machine for a seed."
        )

        @Option(help: "People in the synthetic population (at most 100000).") var people: Int = 40_000
        @Option(help: "Seed of the draw.") var seed: UInt64 = 2023
        @Option(help: "The folder to write ORP.csv, CMS.csv, … into.") var outputDir: String

        func run() throws {
            guard (1...99_999).contains(people) else { throw ValidationError("--people is from 1 to 99999") }
            let today = Day.today()
            let population = SyntheticPopulation(people: people, today: today, seed: seed)
            try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
            for dispositif in Dispositif.allCases {
                try population.csv(of: dispositif).write(toFile: "\(outputDir)/\(dispositif.rawValue).csv", atomically: true, encoding: .utf8)
                print("\(dispositif.rawValue)\t\(population.followUps(of: dispositif).count) follow-ups")
            }
            var byPerson: [AVSNumber: [Dispositif]] = [:]
            for followUp in population.followUps where RetentionWindow.standard.contains(followUp.lastOn, today: today) {
                byPerson[followUp.avs, default: []].append(followUp.dispositif)
            }
            let sorted = byPerson.sorted { $0.key.digitsValue < $1.key.digitsValue }
            if let two = sorted.first(where: { $0.value.count == 2 }) {
                print("known at two dispositifs (\(two.value.map(\.rawValue).joined(separator: ", "))): \(two.key.formatted)")
            }
            if let one = sorted.first(where: { $0.value.count == 1 }) {
                print("known at one dispositif (\(one.value[0].rawValue)): \(one.key.formatted)")
            }
            print("known nowhere: \(AVSNumber(completing: 756_999_999_999).formatted)")
        }
    }
}
