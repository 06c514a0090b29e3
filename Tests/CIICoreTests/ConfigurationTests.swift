import CIICore
import Foundation
import Testing

@Suite struct ConfigurationTests {
    let configuration = NodeConfiguration(role: .dispositif, id: try! NodeID("orp-vs"), dispositif: .orp, listenPort: 9443)

    @Test func theRenderedFileReadsBackToTheSameSettings() throws {
        let text = configuration.rendered(createdOn: Day(year: 2026, month: 11, day: 23)!)
        #expect(text.contains("# "))
        let parsed = try NodeConfiguration(parsing: text, file: "ciid.conf")
        #expect(parsed == configuration)
    }

    @Test func commentsQuotesAndDefaultsAreUnderstood() throws {
        let text = """
            # a comment
            [node]
            role = "dispositif"   # trailing comment
            id = cms-vs
            dispositif = cms
            [check]
            window_years = 5
            """
        let parsed = try NodeConfiguration(parsing: text, file: "c")
        #expect(parsed.dispositif == .cms)
        #expect(parsed.window.years == 5)
        #expect(parsed.listenPort == 8443)
        #expect(parsed.maximumRejectedPercent == 10)
    }

    @Test(arguments: [
        ("[node]\nrole = dispositif\nid = orp-vs\ndispositif = ORP\ncolour = blue", 5, "unknown setting `node.colour`"),
        ("[node]\nrole = boss\nid = orp-vs", 2, "node.role"),
        ("[node]\nrole = dispositif\nid = ORP VS\ndispositif = ORP", 3, "node.id"),
        ("[node]\nrole = dispositif\nid = orp-vs\ndispositif = XYZ", 4, "unknown dispositif 'XYZ'"),
        ("[node]\nrole = dispositif\nid = orp-vs\ndispositif = ORP\n[server]\nlisten = localhost", 6, "host:port"),
        ("[node]\nrole = dispositif\nid = orp-vs\ndispositif = ORP\n[check]\nwindow_years = three", 6, "whole number"),
        ("[node]\nrole = dispositif\nrole = coordinator", 3, "set twice"),
        (
            "[node]\nrole = coordinator\nid = cii\n[server]\nhandshake_timeout_seconds = 0", 5,
            "server.handshake_timeout_seconds is a whole number from 1"
        ),
        ("[node]\nrole = coordinator\nid = cii\n[server]\nidle_timeout_seconds = soon", 5, "server.idle_timeout_seconds is a whole number"),
        ("[node]\nrole = coordinator\nid = cii\n[server]\nmax_connections_per_address = -1", 5, "server.max_connections_per_address"),
        ("[node]\nrole = coordinator\nid = cii\n[access]\nlockout_failures = 5", 5, "accounts are no longer locked"),
        ("[node]\nrole = coordinator\nid = cii\n[access]\nhash_threads = many", 5, "access.hash_threads (or `auto`)"),
        ("[node]\nrole = coordinator\nid = cii\n[registry]\ndigest_weekday = someday", 5, "registry.digest_weekday is a day"),
        ("[node]\nrole = coordinator\nid = cii\n[registry]\nbureau_email = bureau, chef@vs.ch", 5, "registry.bureau_email is one e-mail"),
        ("[node]\nrole = coordinator\nid = cii\n[registry]\ndocument_max_bytes = 10", 5, "registry.document_max_bytes"),
        ("[node\nrole = dispositif", 1, "section header"),
        ("[node]\njust words", 2, "key = value"),
    ])
    func errorsNameTheLineAndTheRule(_ text: String, _ line: Int, _ fragment: String) {
        do {
            _ = try NodeConfiguration(parsing: text, file: "ciid.conf")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.description.contains(fragment), "\(error)")
            #expect(error.description.hasPrefix("ciid.conf:\(line):"))
        }
    }

    @Test func hashingThreadsAndQueueReadBack() throws {
        var custom = configuration
        custom.access.hashThreads = 3
        custom.access.hashQueue = 7
        let parsed = try NodeConfiguration(parsing: custom.rendered(createdOn: Day(year: 2026, month: 12, day: 1)!), file: "ciid.conf")
        #expect(parsed.access.hashThreads == 3 && parsed.access.hashQueue == 7)
        #expect(configuration.rendered(createdOn: Day(year: 2026, month: 12, day: 1)!).contains("hash_threads = auto"))
    }

    @Test func connectionLimitsHaveDefaultsAndReadBack() throws {
        let defaults = try NodeConfiguration(parsing: "[node]\nrole = coordinator\nid = cii", file: "c").connections
        #expect(defaults.handshakeTimeoutSeconds == 10)
        #expect(defaults.idleTimeoutSeconds == 60)
        #expect(defaults.maximumPerAddress == 256)
        var custom = configuration
        custom.connections.handshakeTimeoutSeconds = 3
        custom.connections.idleTimeoutSeconds = 20
        custom.connections.maximumPerAddress = 32
        let text = custom.rendered(createdOn: Day(year: 2026, month: 12, day: 1)!)
        #expect(text.contains("\nhandshake_timeout_seconds = 3\n"))
        #expect(try NodeConfiguration(parsing: text, file: "ciid.conf").connections == custom.connections)
    }

    @Test func aDispositifNodeNeedsItsDispositif() {
        #expect(throws: ConfigError.self) { try NodeConfiguration(parsing: "[node]\nrole = dispositif\nid = orp-vs", file: "c") }
        #expect(throws: Never.self) { try NodeConfiguration(parsing: "[node]\nrole = coordinator\nid = cii", file: "c") }
    }
}

@Suite struct NamesTests {
    @Test func nodeIDsFollowTheirRules() {
        #expect(throws: Never.self) { try NodeID("orp-vs") }
        for bad in ["", "Orp", "1orp", "orp_vs", "orp vs", String(repeating: "a", count: 41)] {
            #expect(throws: NodeIDError.self) { try NodeID(bad) }
        }
    }

    @Test func dispositifCodesAreCaseInsensitiveAndNamedInBothLanguages() throws {
        #expect(try Dispositif(code: "oasi") == .oasi)
        #expect(throws: DispositifError.self) { try Dispositif(code: "POLICE") }
        #expect(Dispositif.orp.code(.de) == "RAV")
        #expect(Dispositif.cms.code(.fr) == "CMS")
        for dispositif in Dispositif.allCases { #expect(dispositif.name(.fr) != dispositif.name(.de)) }
    }

    @Test func acceptLanguagePicksTheFirstSupported() {
        #expect(Language(acceptLanguage: "de-CH,de;q=0.9,fr;q=0.8") == .de)
        #expect(Language(acceptLanguage: "it-CH, fr;q=0.5") == .fr)
        #expect(Language(acceptLanguage: nil) == .fr)
        #expect(Language(acceptLanguage: "en-GB") == .en)
    }
}

@Suite struct ExampleConfigurationTests {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The example file and the reference are made from the declarations: they cannot drift from the code.
    @Test func theExampleAndTheReferenceAreWhatTheDeclarationsMake() throws {
        let example = try String(contentsOfFile: root.appendingPathComponent("config/dispositif.example.conf").path, encoding: .utf8)
        #expect(example == NodeConfiguration.example, "run `ciid config example > config/dispositif.example.conf`")
        let reference = try String(contentsOfFile: root.appendingPathComponent("docs/configuration.md").path, encoding: .utf8)
        #expect(reference == NodeConfiguration.reference, "run `ciid config reference > docs/configuration.md`")
        // Every key is in both, once.
        for key in NodeConfiguration.keys {
            #expect(reference.components(separatedBy: "| `\(key.key)` |").count == 2, "\(key.name)")
            #expect(example.contains("\n\(key.key) = ") || example.contains("\n# \(key.key) = "), "\(key.name)")
        }
        #expect(Set(NodeConfiguration.keys.map(\.name)).count == NodeConfiguration.keys.count, "a key is declared twice")
    }

    /// Every key that has a value by default writes it and reads it back.
    @Test func everyKeyReadsBackWhatItWrites() throws {
        var custom = NodeConfiguration(role: .dispositif, id: try NodeID("orp-vs"), dispositif: .orp)
        custom.mail = MailSettings(
            relay: "smtp://127.0.0.1:2525",
            security: .none,
            from: "ciid@orp.test",
            username: "u",
            passwordFile: "p",
            caFile: "c"
        )
        custom.access.publicURL = "https://ciid.orp.test"
        custom.access.digestHour = nil
        custom.metrics.tokenFile = "keys/metrics.token"
        custom.registry.bureauEmail = "bureau.cii@admin.test"
        custom.registry.digestWeekday = 5
        let text = custom.rendered(heading: "test")
        #expect(try NodeConfiguration(parsing: text, file: "ciid.conf") == custom)
        // `[swissid]` exists on the coordinator only.
        var coordinator = NodeConfiguration(role: .coordinator, id: try NodeID("cii-vs"), dispositif: nil)
        var swissID = SwissIDSettings(issuer: "https://login.swissid.ch")
        swissID.clientID = "cii-vs"
        swissID.clientSecretFile = "keys/swissid.secret"
        swissID.redirectURL = "https://cii.vs.ch/login/swissid/callback"
        swissID.assuranceLevels = ["loa-3"]
        swissID.caFile = "keys/provider-ca.pem"
        coordinator.swissID = swissID
        #expect(try NodeConfiguration(parsing: coordinator.rendered(heading: "test"), file: "ciid.conf") == coordinator)
        for key in NodeConfiguration.keys {
            #expect(key.value(in: custom) != nil || key.value(in: coordinator) != nil, "\(key.name) was not written")
        }
    }

    @Test func theCommittedExampleIsAValidConfiguration() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("config/dispositif.example.conf").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let configuration = try NodeConfiguration(parsing: text, file: path)
        #expect(configuration.id.rawValue == "orp-vs")
        #expect(configuration.window == .standard)
        #expect(configuration.connections == ConnectionLimits())
    }
}
