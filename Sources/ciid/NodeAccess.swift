import CIIAccess
import CIIAudit
import CIICore
import CIIServer
import CIIStore
import Curl
import Foundation

/// Opens the access side of a node (accounts, audit log, mail relay) for `serve` and the admin commands.
enum NodeAccess {
    /// The audit log of the node, with its key (made on first use).
    static func auditLog(_ directory: NodeDirectory, _ configuration: NodeConfiguration) throws -> AuditLog {
        do {
            let key = try AuditKey.loadOrCreate(at: AuditKey.path(of: directory))
            return try AuditLog(directory: AuditLog.directory(of: directory), key: key, retentionDays: configuration.access.auditRetentionDays)
        } catch {
            throw CLIError("the audit log cannot be opened: \(error)")
        }
    }

    /// Who runs a CLI command, for the `os_user` detail of its audit entries (actor `cli`): the
    /// user behind `sudo`, or the shell's user.
    static var osUser: String { ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.userName }

    /// The token of `metrics.token_file`, or nil when none is set.
    /// - Throws: when the file cannot be read, others than its owner can read it, or the token
    ///   is shorter than ``MetricsAccess/minimumTokenLength``.
    static func metricsToken(_ directory: NodeDirectory, _ configuration: NodeConfiguration) throws -> String? {
        guard let file = configuration.metrics.tokenFile else { return nil }
        let token: String
        do {
            token = String(decoding: try SecureFile.readSecret(directory.resolve(file)), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines
            )
        } catch {
            throw CLIError("metrics.token_file: \(error)")
        }
        guard token.count >= MetricsAccess.minimumTokenLength, !token.contains(where: \.isWhitespace) else {
            throw CLIError(
                "metrics.token_file: the token must be one line of at least \(MetricsAccess.minimumTokenLength) characters without spaces; make one with `openssl rand -base64 33`"
            )
        }
        return token
    }

    /// The mailer of the `[mail]` section, or nil when the node has no relay.
    static func mailer(_ directory: NodeDirectory, _ configuration: NodeConfiguration) throws -> (any Mailer)? {
        guard let mail = configuration.mail else { return nil }
        var password: String?
        if let file = mail.passwordFile {
            let path = directory.resolve(file)
            do {
                password = String(decoding: try SecureFile.readSecret(path), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw CLIError("mail.password_file: \(error)")
            }
        }
        let security: SMTPSettings.Security =
            switch mail.security {
            case .none: .none
            case .starttls: .startTLS
            case .tls: .implicitTLS
            }
        let settings = SMTPSettings(
            url: mail.relay,
            security: security,
            username: mail.username,
            password: password,
            caFile: mail.caFile.map(directory.resolve),
            from: mail.from,
            timeoutSeconds: 20
        )
        do {
            return try SMTPMailer(settings: settings)
        } catch {
            throw CLIError("[mail] in \(directory.configuration): \(error)")
        }
    }

    /// The SwissID client of `[swissid]`, or nil when it is not configured.
    /// - Throws: when the client secret's file cannot be read, others than its owner can read it, or it is empty.
    static func swissID(_ directory: NodeDirectory, _ configuration: NodeConfiguration) throws -> SwissIDClient? {
        guard var settings = configuration.swissID else { return nil }
        let secret: String
        do {
            secret = String(decoding: try SecureFile.readSecret(directory.resolve(settings.clientSecretFile)), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw CLIError("swissid.client_secret_file: \(error)")
        }
        guard !secret.isEmpty else { throw CLIError("swissid.client_secret_file is empty: put the client secret SwissID gave you in it") }
        settings.caFile = settings.caFile.map(directory.resolve)
        return SwissIDClient(settings: settings, secret: secret)
    }

    /// The access rules of the node, writing events to `audit`.
    static func control(
        _ directory: NodeDirectory,
        _ configuration: NodeConfiguration,
        audit: any AuditRecorder,
        mailer: (any Mailer)?
    ) throws -> AccessControl {
        let store: AccessStore
        do {
            store = try AccessStore(path: directory.accessDatabase)
        } catch {
            throw CLIError(error.description)
        }
        let name = configuration.dispositif.map { "\($0.rawValue) (\(configuration.id.rawValue))" } ?? configuration.id.rawValue
        return AccessControl(
            store: store,
            settings: configuration.access,
            audit: audit,
            mailer: mailer,
            mailFrom: configuration.mail?.from ?? "ciid@localhost",
            nodeName: name,
            nodeRole: configuration.role
        )
    }
}
