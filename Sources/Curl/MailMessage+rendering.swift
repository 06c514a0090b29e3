public import Foundation

extension MailMessage {
    /// Header fields that ``headers`` may not set, because this type writes them (lowercased).
    static let reservedHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version", "content-type", "content-transfer-encoding",
        "content-disposition", "sender", "return-path",
    ]

    /// The message as sent: RFC 5322 header fields and a quoted-printable UTF-8 body, CRLF line
    /// ends, ASCII only.
    /// - Parameters:
    ///   - defaultFrom: the `From` when ``from`` is nil (``SMTPSettings/from``).
    ///   - date: the `Date` field, written in UTC.
    /// - Throws: ``CurlError`` (code -1) for no recipient, a bad address, a line break in a header
    ///   field (header injection) or an unfit extra header.
    public func rendered(defaultFrom: String, date: Date = Date()) throws(CurlError) -> String {
        let sender = try Self.parseAddress(from ?? defaultFrom, field: "the sender (from)")
        let recipients = try recipientAddresses()
        var lines = [
            "Date: \(Self.rfc5322Date(Int64(date.timeIntervalSince1970.rounded(.down))))",
            "From: \(Self.headerValue(of: sender))",
            "To: \(recipients.map(Self.headerValue(of:)).joined(separator: ",\r\n "))",
            "Subject: \(try renderedSubject())",
            "Message-ID: \(Self.newMessageID(domain: String(sender.address.split(separator: "@").last ?? "localhost")))",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        for (name, value) in headers { lines.append(try Self.extraHeader(name: name, value: value)) }
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + Self.quotedPrintable(textBody)
    }

    /// The recipients taken apart; at least one.
    func recipientAddresses() throws(CurlError) -> [Address] {
        guard !to.isEmpty else { throw CurlError.smtp("the message has no recipient: give at least one address in `to`") }
        var addresses: [Address] = []
        for recipient in to { addresses.append(try Self.parseAddress(recipient, field: "a recipient")) }
        return addresses
    }

    /// The subject as is when it is short printable ASCII, else as folded encoded-words.
    private func renderedSubject() throws(CurlError) -> String {
        if subject.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
            throw CurlError.smtp("the subject contains a line break, which could inject header fields: write it on one line")
        }
        let plain = subject.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } && !subject.contains("=?")
        if plain && subject.utf8.count <= 78 - "Subject: ".count { return subject }
        return Self.encodedWords(subject).joined(separator: "\r\n ")
    }

    /// `Name: value` for an extra header field, after checking both.
    private static func extraHeader(name: String, value: String) throws(CurlError) -> String {
        guard !name.isEmpty, name.utf8.count <= 76, name.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: ":") }) else {
            throw CurlError.smtp("\"\(name)\" is not a header field name: use ASCII letters, digits and '-' only")
        }
        guard !reservedHeaders.contains(name.lowercased()) else {
            throw CurlError.smtp("the header field \(name) is written by MailMessage itself: set the matching property instead")
        }
        guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
            throw CurlError.smtp("the value of header field \(name) contains a line break, which could inject header fields: refused")
        }
        guard value.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) || $0 == "\t" }), name.utf8.count + value.utf8.count < 996 else {
            throw CurlError.smtp("the value of header field \(name) is not printable ASCII or is too long: encode it first")
        }
        return "\(name): \(value)"
    }

    /// A fresh `<time.random@domain>`.
    private static func newMessageID(domain: String) -> String {
        let random = (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined(separator: ".")
        return "<\(String(Int64(Date().timeIntervalSince1970), radix: 36)).\(random)@\(domain)>"
    }

    /// `Tue, 15 Nov 1994 08:12:31 +0000` for `seconds` since 1970 (UTC, proleptic Gregorian).
    static func rfc5322Date(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        return "\(weekday), \(two(day)) \(months[Int(month - 1)]) \(year) \(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60)) +0000"
    }
}
