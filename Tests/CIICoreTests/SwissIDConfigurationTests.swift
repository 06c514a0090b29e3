import CIICore
import Testing

/// The `[swissid]` section: read when `issuer` is set, written back the same, refused when
/// incomplete, on a dispositif node, or with a bad value, on the right line.
@Suite struct SwissIDConfigurationTests {
    static let coordinator = "[node]\nrole = coordinator\nid = cii\n"
    static let section = """
        [swissid]
        issuer = https://login.swissid.ch
        client_id = cii-vs-mxcii
        client_secret_file = keys/swissid.secret
        redirect_url = https://cii.vs.ch/login/swissid/callback
        assurance_levels = loa-3 loa-4
        token_auth = client_secret_post
        provider_ca_file = /etc/ciid/provider-ca.pem
        """

    @Test func theSectionIsReadAndWrittenBackTheSame() throws {
        let parsed = try NodeConfiguration(parsing: Self.coordinator + Self.section, file: "ciid.conf")
        let swissID = try #require(parsed.swissID)
        #expect(swissID.issuer == "https://login.swissid.ch")
        #expect(swissID.clientID == "cii-vs-mxcii")
        #expect(swissID.clientSecretFile == "keys/swissid.secret")
        #expect(swissID.redirectURL == "https://cii.vs.ch/login/swissid/callback")
        #expect(swissID.assuranceClaim == "acr")
        #expect(swissID.assuranceLevels == ["loa-3", "loa-4"])
        #expect(swissID.tokenAuthentication == .post)
        #expect(swissID.caFile == "/etc/ciid/provider-ca.pem")
        let again = try NodeConfiguration(parsing: parsed.rendered(heading: "test"), file: "ciid.conf")
        #expect(again == parsed)
    }

    @Test func withoutTheSectionThereIsNoSwissID() throws {
        let parsed = try NodeConfiguration(parsing: Self.coordinator, file: "ciid.conf")
        #expect(parsed.swissID == nil)
        #expect(parsed.rendered(heading: "test").contains("# issuer = https://login.swissid.ch"))
    }

    @Test(arguments: [
        (coordinator + "[swissid]\nclient_id = x", 5, "[swissid] needs `issuer`"),
        (coordinator + "[swissid]\nissuer = http://login.swissid.ch", 5, "swissid.issuer is an https:// address"),
        (coordinator + "[swissid]\nissuer = https://login.swissid.ch\nclient_id = x", 5, "[swissid] needs `client_secret_file`"),
        (
            coordinator + "[swissid]\nissuer = https://login.swissid.ch\nredirect_url = https://cii.vs.ch/callback", 6,
            "swissid.redirect_url is https://<the coordinator's address>/login/swissid/callback"
        ),
        (coordinator + "[swissid]\nissuer = https://login.swissid.ch\ntoken_auth = private_key_jwt", 6, "client_secret_basic or client_secret_post"),
        (coordinator + "[swissid]\nissuer = https://login.swissid.ch\nassurance_levels = ,", 6, "at least one value"),
        (
            "[node]\nrole = dispositif\nid = orp-vs\ndispositif = ORP\n" + section, 6,
            "[swissid] is for the coordinator's pages only"
        ),
    ])
    func badSectionsAreRefusedOnTheirLine(_ text: String, _ line: Int, _ fragment: String) {
        do {
            _ = try NodeConfiguration(parsing: text, file: "ciid.conf")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.description.contains(fragment), "\(error)")
        }
    }
}
