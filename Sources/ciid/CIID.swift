import ArgumentParser
import CIICore
import Foundation

/// `ciid`: one program for every node of the CII federation.
@main
struct CIID: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ciid",
        abstract: "A node of the CII alert federation: fingerprints, imports and answers alert checks locally.",
        discussion: """
            Every command that acts on a node takes --data-dir (default: $CIID_DATA_DIR).
            Start with `ciid init`, give the node a federation key (`ciid keys`), import the
            institution's follow-ups (`ciid import`), then `ciid check` or `ciid serve`.
            """,
        version: CIIVersion.current,
        subcommands: [
            InitCommand.self, KeysCommand.self, ImportCommand.self, CheckCommand.self, ServeCommand.self, StatusCommand.self,
            JoinRequestCommand.self, JoinCommand.self, FederationCommand.self, OverlapsCommand.self, BackupCommand.self, RestoreCommand.self,
            UserCommand.self, TokenCommand.self, AuditCommand.self, ConfigCommand.self, RegistryCommand.self, ReportCommand.self,
            DevCommand.self,
        ]
    )

    /// Runs the command with the umask 077 (set first, before anything is written): every file
    /// the node creates is its owner's alone (0600, folders 0700) unless written public on purpose.
    ///
    /// SIGXFSZ is ignored: a write past the file-size limit (`ulimit -f`, a quota) then fails with
    /// EFBIG like a write to a full disk — SQLite rolls the transaction back, the audit log cuts its
    /// partial line — instead of killing the process mid-write.
    static func main() async {
        umask(0o077)
        signal(SIGXFSZ, SIG_IGN)
        await main(nil)
    }
}
