import CIICore

/// The content of a date cell: empty, a day, or something else.
enum DateField: Equatable {
    /// Nothing but spaces.
    case empty
    /// A day written `dd.mm.yyyy`, `d.m.yyyy` or `yyyy-mm-dd`, possibly followed by a time
    /// (`17.04.2025 00:00`, as spreadsheets export date-time cells).
    case day(Day)
    /// Anything else.
    case invalid

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
}
