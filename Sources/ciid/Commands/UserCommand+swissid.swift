import ArgumentParser
import CIIAccess
import CIICore

extension UserCommand {
    struct LinkSwissID: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link-swissid",
            abstract:
                "Link an account of the coordinator to a SwissID, by the subject SwissID gives it (its `sub`); that SwissID then logs in to it.",
            discussion: """
                The subject is SwissID's stable identifier of the person for this client; ask SwissID's support or use \
                `invite-swissid`, which links the SwissID the person logs in with. An account still holding its one-time \
                password loses it: it logs in with SwissID only.
                """
        )
        @OptionGroup var node: NodeOptions
        @Option(help: "The account's e-mail.") var email: String
        @Option(help: "The SwissID subject (the `sub` claim).") var subject: String

        func run() throws {
            let (access, _) = try UserCommand.open(node)
            guard access.nodeRole == .coordinator else { throw ValidationError("SwissID logins exist on the coordinator only") }
            let account = try UserCommand.run { () throws(AccessError) in try access.linkSwissID(email: email, subject: subject, by: "cli") }
            print("account \(account.id) (\(account.email)) is linked to that SwissID; it logs in with the SwissID button of the login page")
        }
    }

    struct UnlinkSwissID: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unlink-swissid",
            abstract: "Remove an account's SwissID link (made by mistake, or a person who left) and end the account's sessions.",
            discussion: """
                The SwissID can no longer log in to the account. An account whose one-time password the link had voided has \
                no password: give it a new one with `ciid user reset` if the person is to log in with e-mail and password.
                """
        )
        @OptionGroup var node: NodeOptions
        @Option(help: "The account's e-mail.") var email: String

        func run() throws {
            let (access, _) = try UserCommand.open(node)
            guard access.nodeRole == .coordinator else { throw ValidationError("SwissID logins exist on the coordinator only") }
            let account = try UserCommand.run { () throws(AccessError) in try access.unlinkSwissID(email: email, by: "cli") }
            print("account \(account.id) (\(account.email)) is no longer linked to a SwissID; its sessions are ended")
        }
    }

    struct InviteSwissID: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite-swissid",
            abstract: "Mail an account a one-time link (valid 7 days): the SwissID the person logs in with through it is linked to the account."
        )
        @OptionGroup var node: NodeOptions
        @Option(help: "The account's e-mail.") var email: String

        func run() async throws {
            let (directory, configuration) = try node.load()
            guard configuration.role == .coordinator, configuration.swissID != nil else {
                throw ValidationError("SwissID is not configured: set [swissid] in the coordinator's ciid.conf first")
            }
            guard let publicURL = configuration.access.publicURL else {
                throw ValidationError("the invitation's link needs access.public_url (the coordinator's https:// address) in ciid.conf")
            }
            let log = try NodeAccess.auditLog(directory, configuration)
            let access = try NodeAccess.control(directory, configuration, audit: log, mailer: try NodeAccess.mailer(directory, configuration))
            let account: Account
            do {
                account = try await access.inviteSwissID(email: email, publicURL: publicURL, by: "cli")
            } catch {
                throw CLIError(error.reason)
            }
            print(
                "invitation mailed to \(account.email) (account \(account.id)); the link is valid \(AccessControl.swissIDInvitationDays) days, once"
            )
        }
    }
}
