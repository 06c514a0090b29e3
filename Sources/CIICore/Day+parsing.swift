extension Day {
    /// Parses `dd.mm.yyyy` (also `d.m.yyyy`, with `/` instead of `.`) or ISO `yyyy-mm-dd`;
    /// `nil` for anything else or a date that does not exist.
    public init?(parsing text: some StringProtocol) {
        var utf8 = Array(text.utf8)
        guard let day = utf8.withUnsafeMutableBytes({ Day(utf8: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = day
    }

    /// Parses a date from UTF-8 bytes (the allocation-free form used by imports); surrounding
    /// spaces are ignored, and so is a time after an ISO date (`2025-04-17 00:00:00`, `2025-04-17T…`).
    public init?(utf8 bytes: UnsafeRawBufferPointer) {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        var fields = [0, 0, 0]
        var widths = [0, 0, 0]
        var field = 0
        var separator: UInt8 = 0
        var index = start
        while index < end {
            let c = bytes[index]
            if c >= 0x30, c <= 0x39 {
                fields[field] = fields[field] * 10 + Int(c - 0x30)
                widths[field] += 1
                if widths[field] > 4 { return nil }
            } else if c == 0x2E || c == 0x2D || c == 0x2F {
                if separator == 0 { separator = c } else if c != separator { return nil }
                field += 1
                if field > 2 { return nil }
            } else if c == 0x20 || c == 0x54, field == 2, separator == 0x2D {
                break  // ISO date followed by a time
            } else {
                return nil
            }
            index += 1
        }
        guard field == 2, widths.allSatisfy({ $0 > 0 }) else { return nil }
        let parsed: Day?
        if separator == 0x2D {
            guard widths[0] == 4, widths[1] <= 2, widths[2] <= 2 else { return nil }
            parsed = Day(year: fields[0], month: fields[1], day: fields[2])
        } else {
            guard widths[2] == 4, widths[0] <= 2, widths[1] <= 2 else { return nil }
            parsed = Day(year: fields[2], month: fields[1], day: fields[0])
        }
        guard let parsed else { return nil }
        self = parsed
    }
}
