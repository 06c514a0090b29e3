extension MailMessage {
    /// An address taken apart: the optional display name and the bare `local@domain`.
    struct Address: Equatable {
        /// `Canton du Valais`, or nil.
        var displayName: String?
        /// `noreply@vs.ch`.
        var address: String
    }

    /// Characters allowed in the local part besides letters and digits (RFC 5322 `atext`, and `.`).
    private static let localSymbols = "!#$%&'*+-/=?^_`{|}~.".unicodeScalars

    /// Whether `scalar` is an ASCII letter or digit.
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        (0x61...0x7A).contains(scalar.value) || (0x41...0x5A).contains(scalar.value) || (0x30...0x39).contains(scalar.value)
    }

    /// Parses `local@domain` or `Display Name <local@domain>` (the name may be in double quotes).
    /// - Parameter field: what the address is, for the error message (`a recipient`, `the sender`).
    /// - Throws: ``CurlError`` (code -1) for a line break, a missing or second `@`, or a character
    ///   an address may not hold.
    static func parseAddress(_ text: String, field: String) throws(CurlError) -> Address {
        guard !text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
            throw CurlError.smtp("\(field) contains a line break, which could inject header fields or recipients: refused")
        }
        let trimmed = text.trimmingSpaces
        var displayName: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var name = String(trimmed[..<open]).trimmingSpaces
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast()).replacingBackslashEscapes
            }
            displayName = name.isEmpty ? nil : name
        }
        try checkAddress(address, field: field, original: text)
        if let displayName, displayName.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw CurlError.smtp("the name in \(field) \"\(text)\" contains control characters: refused")
        }
        return Address(displayName: displayName, address: address)
    }

    /// Checks a bare `local@domain`: one `@`, a dot-atom local part, an ASCII host name or an address literal.
    private static func checkAddress(_ address: String, field: String, original: String) throws(CurlError) {
        let bad = CurlError.smtp(
            "\(field) \"\(original)\" is not an e-mail address: write local@domain or Name <local@domain>, "
                + "with one @ and an ASCII domain (xn-- form for international names)"
        )
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 254 else { throw bad }
        let local = parts[0].unicodeScalars
        let domain = parts[1]
        guard local.allSatisfy({ $0.isASCII && (isAlphanumeric($0) || localSymbols.contains($0)) }),
            local.first != ".", local.last != ".", !parts[0].contains("..")
        else { throw bad }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            guard domain.dropFirst().dropLast().unicodeScalars.allSatisfy({ isAlphanumeric($0) || ".:".unicodeScalars.contains($0) }) else {
                throw bad
            }
        } else {
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard
                labels.allSatisfy({ label in
                    !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                        && label.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" }
                })
            else { throw bad }
        }
    }

    /// The address as a header field value: the name quoted or RFC 2047-encoded as needed.
    static func headerValue(of address: Address) -> String {
        guard let name = address.displayName else { return address.address }
        if !name.unicodeScalars.allSatisfy(\.isASCII) {
            return encodedWords(name).joined(separator: "\r\n ") + " <\(address.address)>"
        }
        let plain = name.unicodeScalars.allSatisfy { isAlphanumeric($0) || " !#$%&'*+-/=?^_`{|}~".unicodeScalars.contains($0) }
        if plain { return "\(name) <\(address.address)>" }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\" <\(address.address)>"
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }

    /// `\x` read as `x`, as in a quoted string.
    fileprivate var replacingBackslashEscapes: String {
        var out = ""
        var escaping = false
        for character in self {
            if !escaping && character == "\\" {
                escaping = true
                continue
            }
            escaping = false
            out.append(character)
        }
        return out
    }

    /// Replaces every occurrence of `target` (no Foundation needed).
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
