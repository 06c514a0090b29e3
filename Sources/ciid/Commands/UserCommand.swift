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
        abstract: "Manage the caseworker and admin accounts of this node.",
        subcommands: [Add.self, List.self, Disable.self, Renew.self, Reset.self]
    )

    /// Opens the access rules with an audit log that writes each event at once.
    static func open(_ node: NodeOptions) throws -> (AccessControl, AuditLog) {
        let (directory, configuration) = try node.load()
        guard configuration.role == .dispositif else {
            throw CLIError("accounts live on dispositif nodes; this node is the \(configuration.role.rawValue)")
        }
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
        @Option(help: "caseworker or admin.") var role: String = "caseworker"
        @Option(help: "The identifier the institution's export uses for this caseworker (routes overlap alerts).")
        var caseworker: String?

        func run() throws {
            guard let language = Language(rawValue: language), language != .en else { throw ValidationError("--language is fr or de") }
            guard let role = AccountRole(rawValue: role) else { throw ValidationError("--role is caseworker or admin") }
            let (access, _) = try UserCommand.open(node)
            let created = try UserCommand.run { () throws(AccessError) in
                try access.createAccount(email: email, name: name, language: language, role: role, caseworker: caseworker, by: "cli")
            }
            print("account \(created.account.id) created for \(created.account.email) (\(role.rawValue), \(language.rawValue))")
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
                if json {
                    print(
                        "{\"id\":\(account.id),\"email\":\(JSONText.quoted(account.email)),\"name\":\(JSONText.quoted(account.name)),"
                            + "\"role\":\"\(account.role.rawValue)\",\"language\":\"\(account.language.rawValue)\",\"status\":\"\(status)\","
                            + "\"secondFactor\":\"\(account.secondFactor.rawValue)\",\"lastUsed\":\"\(Day(account.lastUsedAt).iso)\"}"
                    )
                } else {
                    print(
                        "\(account.id)\t\(account.email)\t\(account.name)\t\(account.role.rawValue)\t\(account.language.rawValue)\t\(status)"
                            + "\t\(account.secondFactor.rawValue)\tlast used \(Day(account.lastUsedAt).iso)"
                    )
                }
            }
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

    /// An account's number from its number or e-mail.
    static func resolve(_ text: String, _ access: AccessControl) throws -> Int64 {
        if let id = Int64(text) { return id }
        guard let account = try run({ () throws(AccessError) in try access.store.account(email: text) }) else {
            throw CLIError("no account has the e-mail \(text); `ciid user list` shows them")
        }
        return account.id
    }
}
