import CIIAccess
import Curl
import Foundation
import Testing

/// Rendering, validation and the in-memory mailer: no network.
@Suite struct MailMessageTests {
    func render(_ message: MailMessage, at seconds: TimeInterval = 784_887_151) throws -> String {
        try message.rendered(defaultFrom: "noreply@cii.vs.ch", date: Date(timeIntervalSince1970: seconds))
    }

    func header(_ name: String, in text: String) -> String? {
        let head = text.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        return head.components(separatedBy: "\r\n").first { $0.hasPrefix("\(name): ") }.map { String($0.dropFirst(name.count + 2)) }
    }

    func body(of text: String) -> String {
        text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
    }

    @Test func anASCIIMessageHasEveryRequiredField() throws {
        let text = try render(MailMessage(to: ["a@orp.vs.ch"], subject: "Hello", textBody: "Line 1\nLine 2\n"))
        #expect(header("Date", in: text) == "Tue, 15 Nov 1994 08:12:31 +0000")
        #expect(header("From", in: text) == "noreply@cii.vs.ch")
        #expect(header("To", in: text) == "a@orp.vs.ch")
        #expect(header("Subject", in: text) == "Hello")
        #expect(header("MIME-Version", in: text) == "1.0")
        #expect(header("Content-Type", in: text) == "text/plain; charset=utf-8")
        #expect(header("Content-Transfer-Encoding", in: text) == "quoted-printable")
        #expect(header("Message-ID", in: text)?.hasSuffix("@cii.vs.ch>") == true)
        #expect(body(of: text) == "Line 1\r\nLine 2\r\n")
    }

    @Test func everyLineEndsWithCRLFAndIsShortAndASCII() throws {
        let long = String(repeating: "Sécurité sociale, Zürich, Straße. ", count: 20)
        let text = try render(MailMessage(to: ["a@b.ch"], subject: long, textBody: long + "\r" + long + "\n\n" + long))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.count <= 78, "\(line)") }
    }

    @Test func theDateIsRenderedInUTC() throws {
        let vectors: [(TimeInterval, String)] = [
            (0, "Thu, 01 Jan 1970 00:00:00 +0000"), (951_782_400, "Tue, 29 Feb 2000 00:00:00 +0000"),
            (4_107_542_399, "Sun, 28 Feb 2100 23:59:59 +0000"), (-1, "Wed, 31 Dec 1969 23:59:59 +0000"),
        ]
        for (seconds, expected) in vectors {
            #expect(header("Date", in: try render(MailMessage(to: ["a@b.ch"], subject: "", textBody: ""), at: seconds)) == expected)
        }
    }

    @Test func quotedPrintableEncodesAccentsEqualsTrailingSpacesAndLeadingDots() throws {
        let text = try render(MailMessage(to: ["a@b.ch"], subject: "s", textBody: "é=ü ß \n.dot\ntab\t"))
        #expect(body(of: text) == "=C3=A9=3D=C3=BC =C3=9F=20\r\n=2Edot\r\ntab=09\r\n")
    }

    @Test func aNonASCIISubjectBecomesEncodedWords() throws {
        let text = try render(MailMessage(to: ["a@b.ch"], subject: "Genève", textBody: ""))
        #expect(header("Subject", in: text) == "=?utf-8?B?R2Vuw6h2ZQ==?=")
        let nameText = try render(
            MailMessage(from: "Zürich <z@b.ch>", to: ["\"Favre, Élodie\" <e@b.ch>", "Dr. Who <w@b.ch>"], subject: "", textBody: "")
        )
        #expect(header("From", in: nameText) == "=?utf-8?B?WsO8cmljaA==?= <z@b.ch>")
        #expect(header("To", in: nameText) == "=?utf-8?B?RmF2cmUsIMOJbG9kaWU=?= <e@b.ch>, \"Dr. Who\" <w@b.ch>")
    }

    @Test(arguments: [
        "", "plain", "two@@b.ch", "a@b@c.ch", "a b@c.ch", "a@b..ch", "a@-b.ch", ".a@b.ch", "a.@b.ch", "a@b.ch>", "Name <a@b.ch",
        "é@b.ch", "a@zürich.ch", "a@b.ch\r\nBcc: c@d.ch", "Name\n <a@b.ch>",
    ])
    func badAddressesAreRefused(_ address: String) {
        #expect(throws: CurlError.self) { try render(MailMessage(to: [address], subject: "s", textBody: "")) }
    }

    @Test(arguments: ["a@b.ch", "first.last+tag@sub.example.ch", "Name <a@b.ch>", "\"Last, First\" <a@b.ch>", "a@[127.0.0.1]", "x@xn--zrich-kva.ch"])
    func goodAddressesAreAccepted(_ address: String) throws {
        _ = try render(MailMessage(to: [address], subject: "s", textBody: ""))
    }

    @Test func extraHeadersAreChecked() throws {
        let ok = try render(MailMessage(to: ["a@b.ch"], subject: "s", textBody: "", headers: [("Auto-Submitted", "auto-generated")]))
        #expect(header("Auto-Submitted", in: ok) == "auto-generated")
        for bad in [("Bcc", "x@y.ch"), ("Subject", "again"), ("Bad Name", "v"), ("X-A", "é"), ("X-A", "v\r\nBcc: x@y.ch"), ("", "v")] {
            #expect(throws: CurlError.self) { try render(MailMessage(to: ["a@b.ch"], subject: "s", textBody: "", headers: [bad])) }
        }
        #expect(throws: CurlError.self) { try render(MailMessage(to: [], subject: "s", textBody: "")) }
    }

    @Test func settingsAreValidatedAndNeverShowThePassword() throws {
        let good = SMTPSettings(url: "smtp://mail.vs.ch:587", security: .startTLS, username: "u", password: "Hunter2-secret", from: "a@b.ch")
        try good.validate()
        #expect(!good.description.contains("Hunter2-secret") && good.description.contains("<hidden>"))
        #expect(!String(reflecting: good).contains("Hunter2-secret"))
        var dumped = ""
        dump(good, to: &dumped)
        #expect(!dumped.contains("Hunter2-secret"))

        let bad: [SMTPSettings] = [
            SMTPSettings(url: "smtp://mail.vs.ch:25", security: .none, from: "a@b.ch"),
            SMTPSettings(url: "smtps://mail.vs.ch:465", security: .startTLS, from: "a@b.ch"),
            SMTPSettings(url: "smtp://mail.vs.ch:587", security: .implicitTLS, from: "a@b.ch"),
            SMTPSettings(url: "http://mail.vs.ch", security: .startTLS, from: "a@b.ch"),
            SMTPSettings(url: "smtp://mail.vs.ch:99999", security: .startTLS, from: "a@b.ch"),
            SMTPSettings(url: "smtp://user@mail.vs.ch", security: .startTLS, from: "a@b.ch"),
            SMTPSettings(url: "smtps://user:Hunter2-secret@mail.vs.ch", security: .implicitTLS, from: "a@b.ch"),
            SMTPSettings(url: "smtp://mail.vs.ch", security: .startTLS, from: "not an address"),
            SMTPSettings(url: "smtp://mail.vs.ch", security: .startTLS, password: "p", from: "a@b.ch"),
            SMTPSettings(url: "smtp://mail.vs.ch", security: .startTLS, from: "a@b.ch", heloDomain: "bad name"),
            SMTPSettings(url: "smtp://mail.vs.ch", security: .startTLS, from: "a@b.ch", timeoutSeconds: 0),
        ]
        for settings in bad {
            let error = #expect(throws: CurlError.self, "\(settings)") { try settings.validate() }
            #expect(error?.description.contains("Hunter2-secret") == false)
        }
        for loopback in ["smtp://127.0.0.1:25", "smtp://localhost:2525", "smtp://[::1]:25", "smtp://127.1.2.3"] {
            try SMTPSettings(url: loopback, security: .none, from: "a@b.ch").validate()
        }
        #expect(throws: MailError.self) { try SMTPMailer(settings: bad[0]) }
    }

    @Test func theRecordingMailerKeepsMessagesAndCanFail() async throws {
        let mailer = RecordingMailer()
        try await mailer.send(MailMessage(to: ["Élodie <E.Favre@orp.vs.ch>"], subject: "Code", textBody: "123456"))
        #expect(mailer.messages.count == 1)
        #expect(mailer.last(to: "e.favre@orp.vs.ch")?.textBody == "123456")
        #expect(mailer.last(to: "favre@orp.vs.ch") == nil)
        await #expect(throws: MailError.self) { try await mailer.send(MailMessage(to: ["a@b.ch"], subject: "x\ny", textBody: "")) }
        mailer.failSends(with: MailError("relay down"))
        await #expect(throws: MailError.self) { try await mailer.send(MailMessage(to: ["a@b.ch"], subject: "x", textBody: "")) }
        mailer.failSends(with: nil)
        try await mailer.send(MailMessage(to: ["a@b.ch"], subject: "x", textBody: ""))
        #expect(mailer.messages.count == 2)
        mailer.removeAll()
        #expect(mailer.messages.isEmpty)
    }
}
