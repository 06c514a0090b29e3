extension Money {
    /// Parses `1234.5`, `1'234.50`, `1’234,50`, `CHF 12`, `-3.05`; `nil` for anything else, or
    /// more than two decimals, or more than a thousand billion francs.
    public init?(parsing text: some StringProtocol) {
        var rest = Substring(text).drop { $0 == " " }
        while rest.last == " " { rest.removeLast() }
        if rest.hasPrefix("CHF") { rest = rest.dropFirst(3).drop { $0 == " " } }
        var negative = false
        if rest.first == "-" {
            negative = true
            rest.removeFirst()
        }
        var francs: Int64 = 0
        var cents: Int64 = 0
        var decimals = -1
        var digits = 0
        for character in rest {
            if character == "'" || character == "’" || character == "\u{2009}" {
                guard decimals < 0, digits > 0 else { return nil }
            } else if character == "." || character == "," {
                guard decimals < 0, digits > 0 else { return nil }
                decimals = 0
            } else if let value = character.asciiValue, (48...57).contains(value) {
                let digit = Int64(value - 48)
                if decimals < 0 {
                    digits += 1
                    guard digits <= 12 else { return nil }
                    francs = francs * 10 + digit
                } else {
                    decimals += 1
                    guard decimals <= 2 else { return nil }
                    cents += decimals == 1 ? digit * 10 : digit
                }
            } else {
                return nil
            }
        }
        guard digits > 0, decimals != 0 else { return nil }
        let total = francs * 100 + cents
        self.init(centimes: negative ? -total : total)
    }
}
