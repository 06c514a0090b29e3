import CIIAccess
import Curl
import Foundation
import Testing

/// Sends real mail through `config/demo/smtp-sink.py` over plain loopback SMTP, STARTTLS and
/// implicit TLS, and reads it back with Python's `email` package.
@Suite(.serialized, .timeLimit(.minutes(2))) final class SMTPTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ciid-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static let subject = "Alerte CII : nouvelle intervention à vérifier — Genève, Zürich, Straße"
    static let body = """
        Bonjour Madame Müller,

        Une intervention concernant une personne que vous suivez a été signalée à Genève.
        Grüße aus Zürich: die Straße ist schön, Ærø, œuvre, ½ = 0.5, 100 % sûr.
        .Cette ligne commence par un point, et celle-ci finit par des espaces.\u{20}\u{20}
        Une très longue ligne qui dépasse largement les soixante-seize caractères autorisés par ligne en quoted-printable, pour vérifier le pliage.

        --\u{20}
        CII Valais
        """

    func message(to recipients: [String] = ["Élodie Favre <elodie.favre@orp.vs.ch>", "team@cms.vs.ch"]) -> MailMessage {
        MailMessage(
            from: "Canton du Valais — CII <noreply@cii.vs.ch>",
            to: recipients,
            subject: Self.subject,
            textBody: Self.body,
            headers: [(name: "X-CII-Node", value: "orp-vs")]
        )
    }

    func settings(
        port: Int,
        _ security: SMTPSettings.Security,
        host: String = "127.0.0.1",
        caFile: URL? = nil,
        password: String? = nil
    ) -> SMTPSettings {
        SMTPSettings(
            url: "\(security == .implicitTLS ? "smtps" : "smtp")://\(host):\(port)",
            security: security,
            username: password == nil ? nil : "ciid-orp",
            password: password,
            caFile: caFile?.path,
            from: "bounces@cii.vs.ch",
            heloDomain: "orp.cii.vs.ch",
            timeoutSeconds: 15
        )
    }

    /// Checks the one stored message against what was sent.
    func expectDelivered(to sink: SMTPSink, tls: Bool, user: String = "") throws {
        let files = sink.messages()
        try #require(files.count == 1)
        let mail = try SMTPSink.parse(files[0])
        #expect(mail["defects"] == "0")
        #expect(mail["X-Sink-Envelope-From"] == "bounces@cii.vs.ch")
        #expect(mail["X-Sink-Envelope-To"] == "elodie.favre@orp.vs.ch, team@cms.vs.ch")
        #expect(mail["X-Sink-TLS"] == (tls ? "yes" : "no"))
        #expect(mail["X-Sink-Auth-User"] == user)
        #expect(mail["From"] == "Canton du Valais — CII <noreply@cii.vs.ch>")
        #expect(mail["To"] == "Élodie Favre <elodie.favre@orp.vs.ch>, team@cms.vs.ch")
        #expect(mail["Subject"] == Self.subject)
        #expect(mail["MIME-Version"] == "1.0")
        #expect(mail["contentType"] == "text/plain" && mail["charset"] == "utf-8")
        #expect(mail["Message-ID"].hasPrefix("<") && mail["Message-ID"].hasSuffix("@cii.vs.ch>"))
        #expect(!mail["Date"].isEmpty)
        #expect(mail["X-CII-Node"] == "orp-vs")
        #expect(mail["body"] == Self.body + "\n")
    }

    @Test func plainSMTPOnLoopbackDeliversAccentedMail() async throws {
        let sink = try SMTPSink(in: folder)
        defer { sink.stop() }
        try await SMTPMailer(settings: settings(port: sink.port, .none)).send(message())
        try expectDelivered(to: sink, tls: false)
        sink.stop()
        #expect(sink.stoppedCleanly, "the sink should exit with status 0 on SIGTERM")
    }

    @Test func startTLSWithAVerifiedCertificateAndLogin() async throws {
        let tls = try Shell.selfSignedCertificate(in: folder, name: "sink")
        let sink = try SMTPSink(in: folder, tls: tls)
        defer { sink.stop() }
        let mailer = try SMTPMailer(settings: settings(port: sink.port, .startTLS, caFile: tls.cert, password: "s3cret-Pass"))
        try await mailer.send(message())
        try expectDelivered(to: sink, tls: true, user: "ciid-orp")
    }

    @Test func implicitTLSWithAVerifiedCertificate() async throws {
        let tls = try Shell.selfSignedCertificate(in: folder, name: "sink")
        let sink = try SMTPSink(in: folder, tls: tls, implicitTLS: true)
        defer { sink.stop() }
        let mailer = try SMTPMailer(settings: settings(port: sink.port, .implicitTLS, host: "localhost", caFile: tls.cert, password: "pw"))
        try await mailer.send(message())
        try expectDelivered(to: sink, tls: true, user: "ciid-orp")
    }

    @Test func startTLSIsRequiredEvenWhenTheServerDoesNotOfferIt() async throws {
        let sink = try SMTPSink(in: folder)
        defer { sink.stop() }
        let mailer = try SMTPMailer(settings: settings(port: sink.port, .startTLS, password: "s3cret-Pass"))
        let error = try await #require(throws: MailError.self) { try await mailer.send(self.message()) }
        #expect(error.curlCode == 64)
        #expect(error.reason.contains("does not offer STARTTLS"))
        #expect(!error.description.contains("s3cret-Pass"))
        #expect(sink.messages().isEmpty)
    }

    @Test func aCertificateFromAnotherCAIsRefused() async throws {
        let tls = try Shell.selfSignedCertificate(in: folder, name: "sink")
        let other = try Shell.selfSignedCertificate(in: folder, name: "other")
        let sink = try SMTPSink(in: folder, tls: tls)
        defer { sink.stop() }
        let mailer = try SMTPMailer(settings: settings(port: sink.port, .startTLS, caFile: other.cert, password: "s3cret-Pass"))
        let error = try await #require(throws: MailError.self) { try await mailer.send(self.message()) }
        #expect(error.curlCode == 60)
        #expect(error.reason.contains("not trusted"))
        #expect(!error.description.contains("s3cret-Pass"))
        #expect(sink.messages().isEmpty)
    }

    @Test func headerInjectionIsRefusedBeforeAnythingIsSent() async throws {
        let sink = try SMTPSink(in: folder)
        defer { sink.stop() }
        let mailer = try SMTPMailer(settings: settings(port: sink.port, .none))
        var subject = message()
        subject.subject = "Code\r\nBcc: everyone@example.ch"
        var recipient = message(to: ["victim@orp.vs.ch>\r\nRCPT TO:<spy@example.ch"])
        recipient.subject = "x"
        var header = message()
        header.headers = [(name: "Reply-To", value: "a@b.ch\nBcc: spy@example.ch")]
        var from = message()
        from.from = "Eve <eve@example.ch>\nBcc: spy@example.ch"
        for bad in [subject, recipient, header, from] {
            let error = try await #require(throws: MailError.self) { try await mailer.send(bad) }
            #expect(error.curlCode == -1)
            #expect(error.reason.contains("line break"), "\(error)")
        }
        #expect(sink.messages().isEmpty)
    }
}
