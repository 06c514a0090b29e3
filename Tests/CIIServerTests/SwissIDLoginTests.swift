import CIIAccess
import CIIAudit
import CIICore
import Curl
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import CIIServer

/// SwissID login on the coordinator's pages, against a real OpenID provider (Authlib and Flask,
/// `Tests/oidc/provider.py`) on loopback over HTTPS with the tests' own CA: the happy path, an
/// unlinked SwissID, a state that does not match, a replayed answer and code, and each way the
/// provider can misbehave (issuer, audience, nonce, expiry, assurance level, signature, key rotation).
@Suite(.serialized, .timeLimit(.minutes(5))) struct SwissIDLoginTests {
    let base = ServerTests()

    /// A coordinator whose pages offer SwissID with `provider`, the person's SwissID subject, and
    /// the account linked to it (when `linked`).
    func makeServer(_ provider: SwissIDProvider, keyRefetchInterval: TimeInterval = 0, linked: Bool = true) throws -> NodeServer {
        var server = try base.makeServer(nodeRole: .coordinator)
        var settings = SwissIDSettings(issuer: provider.issuer)
        settings.clientID = SwissIDProvider.clientID
        settings.clientSecretFile = "unused: the secret is given"
        settings.redirectURL = SwissIDProvider.redirectURL
        settings.assuranceLevels = ["loa-3"]
        settings.caFile = provider.caFile
        server.swissID = SwissIDClient(settings: settings, secret: SwissIDProvider.clientSecret, keyRefetchInterval: keyRefetchInterval)
        _ = try server.access.createAccount(
            email: "coord.externe@cii.test",
            name: "Coordination externe",
            language: .fr,
            role: .coordinator,
            caseworker: nil,
            region: "SIO",
            by: "cli"
        )
        if linked { _ = try server.access.linkSwissID(email: "coord.externe@cii.test", subject: "swissid-subject-1", by: "cli") }
        return server
    }

    /// Runs `body` with a fresh provider and a coordinator using it; stops the provider afterwards.
    func withProvider(
        keyRefetchInterval: TimeInterval = 0,
        linked: Bool = true,
        _ body: @escaping @Sendable (SwissIDProvider, NodeServer, any TestClientProtocol) async throws -> Void
    ) async throws {
        let provider = try SwissIDProvider(folder: base.folder + "/provider")
        defer {
            provider.stop()
            try? FileManager.default.removeItem(atPath: base.folder)
        }
        let server = try makeServer(provider, keyRefetchInterval: keyRefetchInterval, linked: linked)
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in try await body(provider, server, client) }
    }

    /// Begins a SwissID login in `browser`, lets the provider log the person in, and returns the
    /// callback path (with `code` and `state`) the provider sends the browser back to.
    func throughProvider(
        _ client: some TestClientProtocol,
        _ browser: Browser,
        _ provider: SwissIDProvider,
        from path: String = "/login/swissid"
    )
        async throws -> String
    {
        let start = try await browser.request(client, .get, path)
        #expect(start.status == .seeOther)
        let authorize = try #require(start.location)
        #expect(authorize.hasPrefix(provider.issuer + "/authorize?"))
        #expect(authorize.contains("code_challenge_method=S256") && authorize.contains("nonce=") && authorize.contains("acr_values=loa-3"))
        #expect(browser.cookies[SwissIDController.cookie] != nil)
        let back = try await Self.blocking { try provider.authorize(authorize) }
        #expect(back.hasPrefix(SwissIDProvider.redirectURL + "?"))
        return String(back.dropFirst("https://cii.test".count))
    }

    /// The reasons of the refused SwissID logins the audit log holds.
    func refusals() -> [String] {
        base.audit.all.filter { $0.kind == .loginFailed && $0.detail("method") == "swissid" }.compactMap { $0.detail("reason") }
    }

    @Test func aLinkedSwissIDGetsASession() async throws {
        try await withProvider { provider, server, client in
            let browser = Browser()
            let login = try await browser.request(client, .get, "/login")
            #expect(login.html.contains("id=\"swissid-login\"") && login.html.contains("Se connecter avec SwissID"))
            let callback = try await throughProvider(client, browser, provider)
            let done = try await browser.request(client, .get, callback)
            #expect(done.status == .ok)
            #expect(done.html.contains("http-equiv=\"refresh\" content=\"0;url=/registry/cases\""), "a coordinator lands on their cases")
            #expect(browser.cookies[SessionAuthenticator.cookie] != nil)
            #expect(browser.cookies[SwissIDController.cookie] == nil)
            let account = try await browser.request(client, .get, "/account")
            #expect(account.status == .ok)
            #expect(account.html.contains("coord.externe@cii.test"))
            let logins = base.audit.all.filter { $0.kind == .login && $0.detail("method") == "swissid" }
            #expect(logins.count == 1 && logins.first?.detail("level") == "loa-3")
            // Nothing secret in the audit log: no code, no state, no token.
            let code = try #require(callback.split(separator: "code=").last?.split(separator: "&").first)
            #expect(!base.audit.all.contains { event in event.details.contains { $0.value.contains(code) } })
        }
    }

    @Test func germanLoginPageOffersSwissIDInGerman() async throws {
        try await withProvider { _, _, client in
            let browser = Browser()
            browser.language = "de"
            let login = try await browser.request(client, .get, "/login")
            #expect(login.html.contains("Mit SwissID anmelden"))
        }
    }

    @Test func anUnlinkedSwissIDGetsThePageSayingToAskTheBureau() async throws {
        try await withProvider(linked: false) { provider, _, client in
            let browser = Browser()
            let page = try await browser.request(client, .get, try await throughProvider(client, browser, provider))
            #expect(page.status == .forbidden)
            #expect(page.html.contains("Demandez au bureau CII"))
            #expect(browser.cookies[SessionAuthenticator.cookie] == nil)
            #expect(refusals() == ["unlinked"])
        }
    }

    @Test func aStateThatDoesNotMatchIsRefused() async throws {
        try await withProvider { provider, _, client in
            let browser = Browser()
            let callback = try await throughProvider(client, browser, provider)
            let tampered = callback.replacingOccurrences(of: "state=", with: "state=x")
            let page = try await browser.request(client, .get, tampered)
            #expect(page.status == .badRequest)
            #expect(page.html.contains("a expiré ou a déjà été utilisée"))
            #expect(browser.cookies[SessionAuthenticator.cookie] == nil)
            // Another browser (without the login's cookie) bringing the right state is refused too.
            let other = Browser()
            #expect(try await other.request(client, .get, callback).status == .badRequest)
            #expect(other.cookies[SessionAuthenticator.cookie] == nil)
            #expect(refusals() == ["state_unknown", "other_browser"])
        }
    }

    @Test func aReplayedAnswerAndAReplayedCodeAreRefused() async throws {
        try await withProvider { provider, _, client in
            let browser = Browser()
            let callback = try await throughProvider(client, browser, provider)
            #expect(try await browser.request(client, .get, callback).status == .ok)
            // The same answer again: its state was used.
            let again = Browser()
            again.cookies = browser.cookies.filter { $0.key != SessionAuthenticator.cookie }
            #expect(try await again.request(client, .get, callback).status == .badRequest)
            // The used code with the state of a new login: the provider refuses it.
            let fresh = Browser()
            let newCallback = try await throughProvider(client, fresh, provider)
            let newState = try #require(newCallback.split(separator: "state=").last)
            let oldCode = try #require(callback.split(separator: "code=").last?.split(separator: "&").first)
            let replayed = try await fresh.request(client, .get, "/login/swissid/callback?code=\(oldCode)&state=\(newState)")
            #expect(replayed.status == .forbidden)
            #expect(fresh.cookies[SessionAuthenticator.cookie] == nil)
            #expect(refusals() == ["state_unknown", "code_refused"])
        }
    }

    /// A login while the provider misbehaves as `mode` is refused, audited with `reason`.
    func refusedWhile(_ change: [String: String], reason: String) async throws {
        try await withProvider { provider, _, client in
            try provider.control(change)
            let browser = Browser()
            let page = try await browser.request(client, .get, try await throughProvider(client, browser, provider))
            #expect(page.status == .forbidden)
            #expect(page.html.contains("Connexion SwissID refusée"))
            #expect(browser.cookies[SessionAuthenticator.cookie] == nil)
            #expect(refusals() == [reason])
            #expect(!base.audit.all.contains { $0.kind == .login })
        }
    }

    @Test func aWrongIssuerIsRefused() async throws { try await refusedWhile(["mode": "wrong_issuer"], reason: "issuer") }

    @Test func aWrongAudienceIsRefused() async throws { try await refusedWhile(["mode": "wrong_audience"], reason: "audience") }

    @Test func aBadNonceIsRefused() async throws { try await refusedWhile(["mode": "bad_nonce"], reason: "nonce") }

    @Test func anExpiredTokenIsRefused() async throws { try await refusedWhile(["mode": "expired"], reason: "expired") }

    @Test func aTooLowAssuranceLevelIsRefused() async throws { try await refusedWhile(["acr": "loa-1"], reason: "assurance") }

    @Test func aMissingAssuranceLevelIsRefused() async throws { try await refusedWhile(["acr": ""], reason: "assurance") }

    @Test func aSignatureByAnotherKeyIsRefused() async throws { try await refusedWhile(["mode": "rogue_key"], reason: "signature") }

    @Test func aRotatedKeyIsFetchedAgain() async throws {
        try await withProvider { provider, _, client in
            let first = Browser()
            let firstPage = try await first.request(client, .get, try await throughProvider(client, first, provider))
            #expect(firstPage.status == .ok)
            let fetchesBefore = try provider.keyFetches()
            #expect(fetchesBefore == 1)
            let kid = try provider.control(["rotate": "yes"])
            #expect(kid == "key-2")
            let second = Browser()
            let secondPage = try await second.request(client, .get, try await throughProvider(client, second, provider))
            #expect(secondPage.status == .ok)
            let fetchesAfter = try provider.keyFetches()
            #expect(fetchesAfter == 2)
            // Known key now: no further fetch.
            let third = Browser()
            let thirdPage = try await third.request(client, .get, try await throughProvider(client, third, provider))
            #expect(thirdPage.status == .ok)
            let fetchesLast = try provider.keyFetches()
            #expect(fetchesLast == 2)
        }
    }

    @Test func anUnknownKeyIsFetchedAtMostOncePerInterval() async throws {
        try await withProvider(keyRefetchInterval: 3600) { provider, _, client in
            let first = Browser()
            let firstPage = try await first.request(client, .get, try await throughProvider(client, first, provider))
            #expect(firstPage.status == .ok)
            try provider.control(["rotate": "yes"])
            let second = Browser()
            let page = try await second.request(client, .get, try await throughProvider(client, second, provider))
            #expect(page.status == .forbidden)
            let fetches = try provider.keyFetches()
            #expect(fetches == 1)
            #expect(refusals() == ["unknown_key"])
        }
    }

    @Test func anInvitationLinksTheSwissIDItLogsInWith() async throws {
        try await withProvider(linked: false) { provider, server, client in
            try provider.control(["subject": "swissid-invited-7"])
            let account = try await server.access.inviteSwissID(email: "coord.externe@cii.test", publicURL: "https://cii.test/", by: "cli")
            let mail = try #require(base.mailer.last(to: "coord.externe@cii.test"))
            #expect(mail.subject.contains("SwissID"))
            let link = try #require(mail.textBody.split(separator: "\n").first { $0.contains("/login/swissid?invitation=") })
            let path = String(link.trimmingCharacters(in: .whitespaces).dropFirst("https://cii.test".count))
            let browser = Browser()
            let done = try await browser.request(client, .get, try await throughProvider(client, browser, provider, from: path))
            #expect(done.status == .ok)
            #expect(browser.cookies[SessionAuthenticator.cookie] != nil)
            #expect(try server.access.swissIDSubject(of: account.id) == "swissid-invited-7")
            #expect(base.audit.all.contains { $0.kind == .accountChanged && $0.detail("swissid") == "linked" && $0.detail("by") == "invitation" })
            // The invitation is used up; the SwissID button logs in without it from now on.
            let reused = try await Browser().request(client, .get, path)
            #expect(reused.status == .badRequest)
            #expect(reused.html.contains("Invitation non valable"))
            let later = Browser()
            #expect(try await later.request(client, .get, try await throughProvider(client, later, provider)).status == .ok)
            // An invitation for another account cannot take a SwissID linked already.
            _ = try server.access.createAccount(
                email: "autre@cii.test",
                name: "Autre coordination",
                language: .de,
                role: .coordinator,
                caseworker: nil,
                region: "HV",
                by: "cli"
            )
            _ = try await server.access.inviteSwissID(email: "autre@cii.test", publicURL: "https://cii.test", by: "cli")
            let other = try #require(base.mailer.last(to: "autre@cii.test"))
            let otherLink = try #require(other.textBody.split(separator: "\n").first { $0.contains("/login/swissid?invitation=") })
            let otherPath = String(otherLink.trimmingCharacters(in: .whitespaces).dropFirst("https://cii.test".count))
            let taken = Browser()
            taken.language = "de"
            let refused = try await taken.request(client, .get, try await throughProvider(client, taken, provider, from: otherPath))
            #expect(refused.status == .conflict)
            #expect(refused.html.contains("SwissID bereits verknüpft"))
            #expect(taken.cookies[SessionAuthenticator.cookie] == nil)
            #expect(refusals().last == "already_linked")
            // A disabled account's SwissID gets no session.
            _ = try server.access.disable(account.id, by: "cli")
            let disabled = Browser()
            let page = try await disabled.request(client, .get, try await throughProvider(client, disabled, provider))
            #expect(page.status == .forbidden)
            #expect(page.html.contains("Compte désactivé"))
            #expect(refusals().last == "disabled")
        }
    }

    @Test func theLoginPageOffersNoSwissIDWithoutConfiguration() async throws {
        let server = try base.makeServer(nodeRole: .coordinator)
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        try await app.test(.router) { client in
            let browser = Browser()
            let login = try await browser.request(client, .get, "/login")
            #expect(!login.html.contains("swissid"))
            let swissID = try await browser.request(client, .get, "/login/swissid")
            #expect(swissID.status == .notFound)
        }
    }

    /// Runs blocking work (libcurl) off Swift's cooperative pool.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do { continuation.resume(returning: try work()) } catch { continuation.resume(throwing: error) }
            }
        }
    }
}
