import ArgumentParser
import CIIAudit
import CIICore
import CIIFederation
import CIIRegistry
import CIIServer
import CIIStore
import Foundation
import Sodium

extension RegistryCommand {
    /// The bureau, from the server's shell (the history and audit log name it `cli`).
    static let bureau = RegistryActor(accountID: "cli", role: .bureau)

    /// Runs a change of the registry and writes it to the audit log (`registry_change`, actor
    /// `cli`, outcome `ok` or `refused`), as the API does for the same change.
    static func change<T>(
        _ node: NodeOptions,
        subject: String?,
        _ details: [(String, String)],
        _ body: () async throws(RegistryError) -> T
    ) async throws -> T {
        let (directory, configuration) = try node.load()
        let log = try NodeAccess.auditLog(directory, configuration)
        do {
            let result = try await run(body)
            log.record(AuditEvent(kind: .registryChange, actor: "cli", subject: subject, outcome: "ok", detailList: details))
            return result
        } catch {
            log.record(AuditEvent(kind: .registryChange, actor: "cli", subject: subject, outcome: "refused", detailList: details))
            throw error
        }
    }

    /// Runs a registry call, its refusal as a CLI error with every problem.
    static func run<T>(_ body: () async throws(RegistryError) -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            let problems = error.problems.map { "  \($0.field): \($0.message(.en))" }.joined(separator: "\n")
            throw CLIError(problems.isEmpty ? error.reason : "\(error.reason)\n\(problems)")
        }
    }

    /// `ciid registry directory list|add|change`: the collaborator directory the bureau keeps.
    struct Directory: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The collaborator directory (CII respondents and the other functions).",
            subcommands: [List.self, Save.self]
        )

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the directory's entries.")
            @OptionGroup var node: NodeOptions

            func run() async throws {
                let service = try RegistryCommand.open(node)
                let entries = try await RegistryCommand.run { () async throws(RegistryError) in try await service.collaborators(by: bureau) }
                if entries.isEmpty { print("the directory is empty: add entries with `ciid registry directory save`") }
                for entry in entries {
                    print(
                        "\(entry.id)\t\(entry.name)\t\(entry.function.rawValue)\t\(entry.dispositif.rawValue)\t\(entry.region.rawValue)\t\(entry.phone)\t\(entry.email)"
                    )
                }
            }
        }

        struct Save: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "save",
                abstract: "Add an entry, or change entry --id."
            )
            @OptionGroup var node: NodeOptions
            @Option(help: "The entry to change (none: a new entry).") var id: Int64 = 0
            @Option(help: "The person's name.") var name: String
            @Option(help: "ORP, CMS, OAI, OSP, OASI or T1.") var dispositif: String
            @Option(help: "HV, SIE, SIO, MAR or MON (or the region's name).") var region: String
            @Option(help: "Phone number.") var phone: String = ""
            @Option(help: "E-mail address.") var email: String
            @Option(help: "The CII function: \(CIIFunction.allCases.map(\.rawValue).joined(separator: ", ")).") var function: String = "respondent"

            func run() async throws {
                guard let dispositif = try? Dispositif(code: dispositif) else {
                    throw ValidationError("--dispositif is ORP, CMS, OAI, OSP, OASI or T1")
                }
                guard let region = Region(code: region) else { throw ValidationError("--region is HV, SIE, SIO, MAR or MON") }
                guard let function = CIIFunction(rawValue: function) else {
                    throw ValidationError("--function is one of \(CIIFunction.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let service = try RegistryCommand.open(node)
                let entry = Collaborator(id: id, name: name, dispositif: dispositif, region: region, phone: phone, email: email, function: function)
                let saved = try await RegistryCommand.change(
                    node,
                    subject: id == 0 ? nil : "collaborator:\(id)",
                    [("operation", id == 0 ? "add_collaborator" : "change_collaborator")]
                ) { () async throws(RegistryError) in try await service.saveCollaborator(entry, by: bureau) }
                print(
                    "directory entry \(saved.id) saved: \(saved.name) (\(saved.function.rawValue), \(saved.dispositif.rawValue), \(saved.region.rawValue))"
                )
                // The members' respondent directory is signed anew now (a running coordinator would
                // also do it at the next member's fetch).
                let (directory, configuration) = try node.load()
                let source = RegistryRespondentSource(registry: service, fallback: RespondentFile(path: RespondentFile.path(of: directory)))
                do {
                    if let signed = try await Coordinator(directory: directory, configuration: configuration).signedRespondents(from: source),
                        let published = try? signed.verified(coordinatorKey: try NodeIdentity.load(from: directory).signing.publicKey)
                    {
                        print(
                            "respondent directory for the members: version \(published.version), \(published.entries.count) respondent(s); members fetch it within federation.respondents_seconds"
                        )
                    }
                } catch {
                    print("the respondent directory for the members could not be signed now (`ciid serve` signs it at the next fetch): \(error)")
                }
            }
        }
    }

    /// `ciid registry codes list|save`: the codification of documents.
    struct Codes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The codification of documents (document codes the documents tab uses).",
            subcommands: [List.self, Save.self]
        )

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the document codes.")
            @OptionGroup var node: NodeOptions

            func run() async throws {
                let service = try RegistryCommand.open(node)
                let codes = try await RegistryCommand.run { () async throws(RegistryError) in try await service.documentCodes(by: bureau) }
                if codes.isEmpty { print("no document codes yet: add them with `ciid registry codes save`") }
                for code in codes {
                    print("\(code.code)\t\(code.labelFR)\t\(code.labelDE)\(code.isPowerOfAttorney ? "\tpower of attorney" : "")")
                }
            }
        }

        struct Save: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "save", abstract: "Add or change a document code.")
            @OptionGroup var node: NodeOptions
            @Option(help: "The code (e.g. PROC).") var code: String
            @Option(help: "Its French label.") var fr: String
            @Option(help: "Its German label.") var de: String
            @Flag(help: "Documents of this code are powers of attorney (they have a duration and an expiry).") var powerOfAttorney = false

            func run() async throws {
                let service = try RegistryCommand.open(node)
                let entry = DocumentCode(code: code, labelFR: fr, labelDE: de, isPowerOfAttorney: powerOfAttorney)
                try await RegistryCommand.change(node, subject: "document_code:\(code)", [("operation", "save_document_code")]) {
                    () async throws(RegistryError) in try await service.saveDocumentCode(entry, by: bureau)
                }
                print("document code \(code) saved")
            }
        }
    }

    /// The registry service of the coordinator `node`.
    static func open(_ node: NodeOptions) throws -> RegistryService {
        let (directory, configuration) = try node.load()
        guard configuration.role == .coordinator else { throw CLIError("the registry lives on the coordinator; this node is a dispositif") }
        return try NodeRegistry.service(directory)
    }
}
