import CIIAccess
import CIICore
import Curl
import Foundation
import Testing

/// The registry's e-mails to the bureau: case numbers and dates, in French and German.
struct BureauMailTests {
    let mail = BureauMail(mailer: RecordingMailer(), address: "bureau@cii.test", from: "ciid@cii.test", node: "cii-vs", url: "https://cii.test")

    @Test func theDigestListsCasesByExpiryAndAnEmptyOneIsNoMail() async throws {
        let week = Day(year: 2026, month: 11, day: 30)!
        #expect(mail.digest([], week: week) == nil)
        #expect(try await mail.sendDigest([], week: week) == false)
        let lines = [
            BureauMail.DigestLine(caseID: 7, expiry: Day(year: 2026, month: 12, day: 20)!, expired: false),
            BureauMail.DigestLine(caseID: 3, expiry: Day(year: 2026, month: 11, day: 2)!, expired: true),
        ]
        let message = try #require(mail.digest(lines, week: week))
        #expect(message.to == ["bureau@cii.test"] && message.subject.contains("2 procuration(s)"))
        let body = message.textBody
        let first = try #require(body.range(of: "cas 3 : échue le 2026-11-02"))
        let second = try #require(body.range(of: "cas 7 : échoit le 2026-12-20"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(body.contains("Fall 7: läuft ab am 2026-12-20") && body.contains("https://cii.test"))
        _ = try message.rendered(defaultFrom: "ciid@cii.test")
    }

    @Test func aCancellationSaysWhoAndWhenInSwissTime() throws {
        let message = mail.cancellation(caseID: 42, by: "account:5", at: Date(timeIntervalSince1970: 1_785_000_000))
        #expect(message.subject == "Registre CII : cas 42 annulé / IIZ-Register: Fall 42 storniert")
        #expect(message.textBody.contains("account:5") && message.textBody.contains("2026-07-25 19:20 (heure suisse)"))
        _ = try message.rendered(defaultFrom: "ciid@cii.test")
    }
}
