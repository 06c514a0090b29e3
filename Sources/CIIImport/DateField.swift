public import CIICore

/// The content of a date cell: empty, a day, or something else.
public enum DateField: Equatable, Sendable {
    /// Nothing but spaces.
    case empty
    /// A day written `dd.mm.yyyy`, `d.m.yyyy` or `yyyy-mm-dd`, possibly followed by a time
    /// (`17.04.2025 00:00`, as spreadsheets export date-time cells).
    case day(Day)
    /// Anything else.
    case invalid

    /// Reads a cell of text.
    public init(text: String) {
        var utf8 = Array(text.utf8)
        self = utf8.withUnsafeMutableBytes { DateField(UnsafeRawBufferPointer($0)) }
    }

    /// Reads a cell.
    init(_ bytes: UnsafeRawBufferPointer) {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        guard start < end else {
            self = .empty
            return
        }
        if end - start == 10, let day = Self.fixedWidth(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) {
            self = .day(day)
            return
        }
        if let day = Day(utf8: UnsafeRawBufferPointer(rebasing: bytes[start..<end])) {
            self = .day(day)
            return
        }
        // A time after the date: keep the date when the rest is only digits, ':' and '.'.
        guard let space = bytes[start..<end].firstIndex(of: 0x20),
            bytes[(space + 1)..<end].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x3A || $0 == 0x2E || $0 == 0x20 }),
            let day = Day(utf8: UnsafeRawBufferPointer(rebasing: bytes[start..<space]))
        else {
            self = .invalid
            return
        }
        self = .day(day)
    }

    /// The two common forms, `dd.mm.yyyy` (or with `/`) and `yyyy-mm-dd`, read without going
    /// through the general parser; `nil` for anything else, which the general parser then reads.
    private static func fixedWidth(_ b: UnsafeRawBufferPointer) -> Day? {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(b[index]) &- 0x30
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        if b[4] == 0x2D, b[7] == 0x2D, let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) {
            return Day(year: year, month: month, day: day)
        }
        if b[2] == 0x2E || b[2] == 0x2F, b[5] == b[2], let day = number(0..<2), let month = number(3..<5), let year = number(6..<10) {
            return Day(year: year, month: month, day: day)
        }
        return nil
    }
}
