import ArgumentParser
import CIIAccess
import CIICore
import Foundation

/// `ciid token create|list|revoke`: API tokens for the integrations that check by the JSON API.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage the API tokens of integrations (scope: checks).",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token; prints its secret once.")
        @OptionGroup var node: NodeOptions
        @Option(help: "What the token is for, e.g. the integration's name.") var name: String

        func run() throws {
            let (access, _) = try UserCommand.open(node)
            let created = try UserCommand.run { () throws(AccessError) in try access.createToken(name: name, by: "cli") }
            print("token \(created.token.id) (\(created.token.name), scope \(created.token.scope.rawValue)):")
            print(created.secret)
            print("Send it as `Authorization: Bearer <token>` to POST /api/v1/checks. It is shown only now.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tokens (never their secrets).")
        @OptionGroup var node: NodeOptions

        func run() throws {
            let (access, _) = try UserCommand.open(node)
            let tokens = try UserCommand.run { () throws(AccessError) in try access.apiTokens() }
            if tokens.isEmpty { print("no tokens yet: create one with `ciid token create --name NAME`") }
            for token in tokens {
                let state = token.revokedAt.map { "revoked \(Day($0).iso)" } ?? "live"
                print("\(token.id)\t\(token.name)\t\(token.scope.rawValue)\tcreated \(Day(token.createdAt).iso) by \(token.createdBy)\t\(state)")
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token (a running server stops accepting it within seconds).")
        @OptionGroup var node: NodeOptions
        @Argument(help: "The token's number (from `ciid token list`).") var id: Int64

        func run() throws {
            let (access, _) = try UserCommand.open(node)
            try UserCommand.run { () throws(AccessError) in try access.revokeToken(id, by: "cli") }
            print("token \(id) revoked")
        }
    }
}
