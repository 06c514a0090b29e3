import QRCode
import Testing

/// The QR code of a TOTP enrolment: a well-formed symbol (finder, timing) and an SVG that draws it.
@Suite struct QRCodeTests {
    let url = "otpauth://totp/ciid%20orp-vs:anne.muster%40orp.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=ciid%20orp-vs&digits=6&period=30"

    @Test func aSymbolHasItsFinderAndTimingPatterns() throws {
        let code = try QRCode(encoding: url)
        // Version v is 17 + 4v modules wide; this link needs a version between 5 and 10 at level M.
        #expect((code.width - 17) % 4 == 0)
        #expect((37...57).contains(code.width), "width \(code.width)")
        // A finder pattern in three corners: a dark 7×7 ring, a light ring, a dark 3×3 core.
        for (left, top) in [(0, 0), (code.width - 7, 0), (0, code.width - 7)] {
            for y in 0..<7 {
                for x in 0..<7 {
                    let ring = max(abs(x - 3), abs(y - 3))
                    #expect(code.isDark(x: left + x, y: top + y) == (ring != 2), "finder at \(left),\(top): \(x),\(y)")
                }
            }
        }
        // Timing patterns: row and column 6 alternate dark and light between the finders.
        for i in 8..<(code.width - 8) {
            #expect(code.isDark(x: i, y: 6) == (i % 2 == 0))
            #expect(code.isDark(x: 6, y: i) == (i % 2 == 0))
        }
    }

    @Test func theSVGDrawsEveryDarkModuleAndNothingElse() throws {
        let code = try QRCode(encoding: url)
        let svg = code.svg(title: "Code <QR> & clé")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<title>Code &lt;QR&gt; &amp; clé</title>"))
        #expect(svg.contains("viewBox=\"0 0 \(code.width + 8) \(code.width + 8)\""))
        // Each "M x y h n" run covers n dark modules of one row; together exactly the dark modules.
        let path = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        var drawn = Set<Int>()
        for run in path.split(separator: "M") {
            let numbers = run.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            let (x, y, length) = (numbers[0] - 4, numbers[1] - 4, numbers[2])
            for dx in 0..<length { drawn.insert(y * code.width + x + dx) }
        }
        let dark = Set(code.modules.indices.filter { code.modules[$0] })
        #expect(drawn == dark)
    }

    @Test func tooLongATextIsRefusedClearly() {
        #expect(throws: QRCodeError.self) { try QRCode(encoding: String(repeating: "x", count: 5000)) }
    }
}
