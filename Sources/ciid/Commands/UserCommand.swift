import ArgumentParser
import CIIAccess
import CIIAudit
import CIICore
import CIIServer
import Foundation

/// `ciid user add|list|disable|renew|reset`: the node's accounts, from the server's shell.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the accounts of this node (caseworkers and admins; on the coordinator, the registry's roles).",
        subcommands: [
            Add.self, List.self, Change.self, Disable.self, Renew.self, Reset.self, LinkSwissID.self, UnlinkSwissID.self, InviteSwissID.self,
        ]
    )

    /// Opens the access rules with an audit log that writes each event at once.
    static func open(_ node: NodeOptions) throws -> (AccessControl, AuditLog) {
        let (directory, configuration) = try node.load()
        let log = try NodeAccess.auditLog(directory, configuration)
        return (try NodeAccess.control(directory, configuration, audit: log, mailer: nil), log)
    }

    static func run<T>(_ body: () throws(AccessError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw CLIError(error.reason)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account; prints its one-time password, to be changed at the first login."
        )
        @OptionGroup var node: NodeOptions
        @Option(help: "E-mail address, where login codes go.") var email: String
        @Option(help: "The person's name.") var name: String
        @Option(help: "Language of the pages and e-mails: fr or de.") var language: String = "fr"
        @Option(help: "On a dispositif node: caseworker or admin. On the coordinator: respondent, coordinator, bureau or admin.")
        var role: String?
        @Option(help: "The identifier the institution's export uses for this caseworker (routes overlap alerts).")
        var caseworker: String?
        @Option(help: "The region of a regional coordinator: HV (Haut-Valais), SIE, SIO, MAR or MON, or its name.") var region: String?
        @Option(help: "The person's entry in the collaborator directory (coordinator).") var collaborator: Int64?

        func run() throws {
            guard let language = Language(rawValue: language), language != .en else { throw ValidationError("--language is fr or de") }
            let (access, _) = try UserCommand.open(node)
            let chosen = try UserCommand.accountRole(role ?? (access.nodeRole == .dispositif ? "caseworker" : "respondent"), access)
            let created = try UserCommand.run { () throws(AccessError) in
                try access.createAccount(
                    email: email,
                    name: name,
                    language: language,
                    role: chosen,
                    caseworker: caseworker,
                    region: region,
                    collaborator: collaborator,
                    by: "cli"
                )
            }
            let regionText = created.account.region.map { ", region \($0.rawValue)" } ?? ""
            print("account \(created.account.id) created for \(created.account.email) (\(chosen.rawValue)\(regionText), \(language.rawValue))")
            print("one-time password: \(created.oneTimePassword)")
            print("Give it to the person by a channel other than e-mail; it must be changed at the first login.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var node: NodeOptions
        @Flag(help: "Print JSON lines instead of a table.") var json = false

        func run() throws {
            let (access, _) = try UserCommand.open(node)
            let accounts = try UserCommand.run { () throws(AccessError) in try access.accounts() }
            if accounts.isEmpty { print("no accounts yet: create one with `ciid user add`") }
            for account in accounts {
                let status = account.isActive ? "active" : "disabled(\(account.disabledReason ?? "admin"))"
                let swissID = access.nodeRole == .coordinator && (try? access.swissIDSubject(of: account.id)) != nil
                if json {
                    print(
                        "{\"id\":\(account.id),\"email\":\(JSONText.quoted(account.email)),\"name\":\(JSONText.quoted(account.name)),"
                            + "\"role\":\"\(account.role.rawValue)\",\(account.region.map { "\"region\":\"\($0.rawValue)\"," } ?? "")"
                            + "\(account.collaborator.map { "\"collaborator\":\($0)," } ?? "")\"language\":\"\(account.language.rawValue)\",\"status\":\"\(status)\","
                            + "\"secondFactor\":\"\(account.secondFactor.rawValue)\",\"swissid\":\(swissID),\"lastUsed\":\"\(Day(account.lastUsedAt).iso)\"}"
                    )
                } else {
                    print(
                        "\(account.id)\t\(account.email)\t\(account.name)\t\(account.role.rawValue)\(account.region.map { "(\($0.rawValue))" } ?? "")\t\(account.language.rawValue)\t\(status)"
                            + "\t\(account.secondFactor.rawValue)\(swissID ? "+swissid" : "")\tlast used \(Day(account.lastUsedAt).iso)"
                    )
                }
            }
        }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "change",
            abstract: "Change an account's role (with its region), language, caseworker identifier or collaborator entry."
        )
        @OptionGroup var node: NodeOptions
        @Argument(help: "The account's number or e-mail.") var account: String
        @Option(help: "The new role.") var role: String?
        @Option(help: "The region of a regional coordinator.") var region: String?
        @Option(help: "fr or de.") var language: String?
        @Option(help: "The caseworker identifier (empty to remove it).") var caseworker: String?
        @Option(help: "The collaborator directory entry (0 to remove the link).") var collaborator: Int64?

        func run() throws {
            let (access, _) = try UserCommand.open(node)
            let id = try UserCommand.resolve(account, access)
            let newRole = try role.map { try UserCommand.accountRole($0, access) }
            let language = try self.language.map { text in
                guard let value = Language(rawValue: text), value != .en else { throw ValidationError("--language is fr or de") }
                return value
            }
            let done = try UserCommand.run { () throws(AccessError) in
                try access.update(
                    id,
                    role: newRole,
                    region: region.map { $0 },
                    language: language,
                    caseworker: caseworker.map { $0 },
                    collaborator: collaborator.map { $0 == 0 ? nil : $0 },
                    by: "cli"
                )
            }
            print(
                "account \(done.id) (\(done.email)): \(done.role.rawValue)\(done.region.map { ", region \($0.rawValue)" } ?? ""), \(done.language.rawValue)"
            )
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")
        @OptionGroup var node: NodeOptions
        @Argument(help: "The account's number or e-mail.") var account: String

        func run() throws {
            let (access, _) = try UserCommand.open(node)
            let id = try UserCommand.resolve(account, access)
            let done = try UserCommand.run { () throws(AccessError) in try access.disable(id, by: "cli") }
            print("account \(done.id) (\(done.email)) disabled")
        }
    }

    struct Renew: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Re-enable an account for four more months.")
        @OptionGroup var node: NodeOptions
        @Argument(help: "The account's number or e-mail.") var account: String

        func run() throws {
            let (access, _) = try UserCommand.open(node)
            let id = try UserCommand.resolve(account, access)
            let done = try UserCommand.run { () throws(AccessError) in try access.renew(id, by: "cli") }
            print("account \(done.id) (\(done.email)) active until at least \(Day(done.lastUsedAt).adding(days: access.settings.inactivityDays).iso)")
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give an account a new one-time password.")
        @OptionGroup var node: NodeOptions
        @Argument(help: "The account's number or e-mail.") var account: String
        @Flag(help: "Also forget the authenticator app (a lost phone): codes go by e-mail again.") var removeTotp = false

        func run() throws {
            let (access, _) = try UserCommand.open(node)
            let id = try UserCommand.resolve(account, access)
            let done = try UserCommand.run { () throws(AccessError) in try access.resetPassword(id, removeTOTP: removeTotp, by: "cli") }
            print("account \(done.account.id) (\(done.account.email)): one-time password \(done.oneTimePassword)")
        }
    }

    /// A role that exists on this node, or an error listing those that do.
    static func accountRole(_ text: String, _ access: AccessControl) throws -> AccountRole {
        let available = AccountRole.available(on: access.nodeRole)
        guard let role = AccountRole(rawValue: text), available.contains(role) else {
            throw ValidationError("--role is one of \(available.map(\.rawValue).joined(separator: ", ")) on a \(access.nodeRole.rawValue) node")
        }
        return role
    }

    /// An account's number from its number or e-mail.
    static func resolve(_ text: String, _ access: AccessControl) throws -> Int64 {
        if let id = Int64(text) { return id }
        guard let account = try run({ () throws(AccessError) in try access.store.account(email: text) }) else {
            throw CLIError("no account has the e-mail \(text); `ciid user list` shows them")
        }
        return account.id
    }
}
