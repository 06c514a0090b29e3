import CIICore
import Testing

/// `server.federation_listen` and `federation.manifest_days` in `ciid.conf`.
@Suite struct FederationListenTests {
    let head = "[node]\nrole = dispositif\nid = orp-vs\ndispositif = ORP\n"

    func parse(_ text: String) throws(ConfigError) -> NodeConfiguration { try NodeConfiguration(parsing: head + text, file: "ciid.conf") }

    @Test func theFederationListenerDefaultsToTheNextPortOnTheSameHost() throws {
        let configuration = try parse("[server]\nlisten = 0.0.0.0:9443\n")
        #expect(configuration.federationListenHost == "0.0.0.0" && configuration.federationListenPort == 9444)
        #expect(try parse("[server]\nlisten = 127.0.0.1:0\n").federationListenPort == 0)
        #expect(try parse("").federation.manifestDays == 30)
    }

    @Test func anExplicitFederationListenerIsReadAndWrittenBack() throws {
        let configuration = try parse("[server]\nlisten = 127.0.0.1:8443\nfederation_listen = [::1]:9000\n[federation]\nmanifest_days = 7\n")
        #expect(configuration.federationListenHost == "::1" && configuration.federationListenPort == 9000)
        #expect(configuration.federation.manifestDays == 7)
        let again = try NodeConfiguration(parsing: configuration.rendered(createdOn: Day(year: 2026, month: 12, day: 1)!), file: "ciid.conf")
        #expect(again.federationListenHost == "::1" && again.federationListenPort == 9000 && again.federation.manifestDays == 7)
    }

    @Test func aBadFederationListenerIsRefusedWithTheLine() {
        #expect {
            try parse("[server]\nfederation_listen = nowhere\n")
        } throws: { error in
            let text = "\(error)"
            return text.contains("server.federation_listen is `host:port`") && text.contains("nowhere") && text.contains(":6")
        }
        #expect {
            try parse("[server]\nlisten = 127.0.0.1:8443\nfederation_listen = 127.0.0.1:8443\n")
        } throws: { error in "\(error)".contains("must differ from server.listen") }
        #expect {
            try parse("[server]\nlisten = 127.0.0.1:65535\n")
        } throws: { error in "\(error)".contains("set server.federation_listen") }
        #expect(throws: ConfigError.self) { try parse("[federation]\nmanifest_days = 0\n") }
    }
}
