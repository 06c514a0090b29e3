import ArgumentParser
import CIICore
import CIIRegistry
import CIIRegistrySQLite
import CIISynthetic
import Foundation

extension DevCommand {
    /// `ciid dev registry --cases N`: a synthetic MX-CII registry on a development coordinator.
    struct Registry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "registry",
            abstract: "Fill a development coordinator's registry with synthetic cases (AVS numbers 756.9999.xxxx.xx).",
            discussion: """
                The cases follow the profile of the 2023 CII annual report (72 % men, mean age 42, education \
                60/35/5 %, 4 risk factors and a gravity index of 2.0 on average, regions and announcing \
                dispositifs as in chapter 9, the report's services). They are created through the registry's \
                own rules as the bureau would (`dev` in their history), with a collaborator directory of one \
                respondent per dispositif and region when the directory is empty.
                """
        )

        @OptionGroup var node: NodeOptions
        @Option(help: "How many cases (at most 100000).") var cases: Int = 48
        @Option(help: "The year the cases are announced in (default: this year).") var year: Int?
        @Option(help: "Seed of the draw.") var seed: UInt64 = 2023

        func run() async throws {
            guard (1...100_000).contains(cases) else { throw ValidationError("--cases is from 1 to 100000") }
            let (directory, configuration) = try node.load()
            guard configuration.role == .coordinator else { throw CLIError("the registry lives on the coordinator; this node is a dispositif") }
            let today = Day.today()
            let year = self.year ?? today.components.year
            guard (2000...today.components.year).contains(year) else { throw ValidationError("--year is from 2000 to this year") }
            let service = try NodeRegistry.service(directory)
            let synthetic = SyntheticRegistry(cases: cases, year: year, today: today, seed: seed)
            try await RegistryCommand.change(node, subject: nil, [("operation", "dev_registry"), ("cases", String(cases)), ("year", String(year))]) {
                () async throws(RegistryError) in try await synthetic.write(into: service, as: RegistryActor(accountID: "dev", role: .bureau))
            }
            print("wrote \(cases) synthetic cases announced in \(year) into \(NodeRegistry.databasePath(directory))")
        }
    }
}
