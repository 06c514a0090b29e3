/// Horizontal bar charts as SVG made on the server (no script), legible in print: black text,
/// bars in two blues, the year's bar above the previous year's.
enum SVGChart {
    /// One bar: a label, the year's value and, when known, the previous year's.
    struct Bar {
        var label: String
        var value: Double?
        var text: String
        var previous: Double?
        var previousText: String?
    }

    static let width = 640
    static let labelWidth = 230
    static let barWidth = 330
    static let current = "#1f4e79"
    static let before = "#8fb3d9"

    /// A chart titled `title` (its accessible name) with `bars`; `legend` names the two years.
    static func bars(id: String, title: String, bars: [Bar], legend: (String, String)?) -> String {
        let maximum = bars.flatMap { [$0.value ?? 0, $0.previous ?? 0] }.max() ?? 0
        let twoSeries = legend != nil && bars.contains { $0.previous != nil }
        let rowHeight = twoSeries ? 34 : 24
        let top = twoSeries ? 26 : 8
        let height = top + rowHeight * bars.count + 8
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="report-chart" viewBox="0 0 \(width) \(height)" width="\(width)" \
            height="\(height)" role="img" aria-labelledby="\(id)-title"><title id="\(id)-title">\(HTML.escape(title))</title>
            """
        if let legend, twoSeries {
            svg += rect(x: labelWidth, y: 6, width: 12, height: 12, fill: current)
            svg += text(x: labelWidth + 18, y: 16, legend.0)
            svg += rect(x: labelWidth + 90, y: 6, width: 12, height: 12, fill: before)
            svg += text(x: labelWidth + 108, y: 16, legend.1)
        }
        for (index, bar) in bars.enumerated() {
            let y = top + index * rowHeight
            svg += text(x: 0, y: y + 13, bar.label)
            svg += barLine(y: y + 3, value: bar.value, text: bar.text, maximum: maximum, fill: current)
            if twoSeries, let previousText = bar.previousText {
                svg += barLine(y: y + 17, value: bar.previous, text: previousText, maximum: maximum, fill: before)
            }
        }
        return svg + "</svg>"
    }

    static func barLine(y: Int, value: Double?, text label: String, maximum: Double, fill: String) -> String {
        let length = maximum > 0 ? Int(((value ?? 0) / maximum * Double(barWidth)).rounded()) : 0
        return rect(x: labelWidth, y: y, width: max(length, value == nil ? 0 : 1), height: 12, fill: fill)
            + text(x: labelWidth + length + 6, y: y + 10, label)
    }

    static func rect(x: Int, y: Int, width: Int, height: Int, fill: String) -> String {
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" fill=\"\(fill)\"/>"
    }

    static func text(x: Int, y: Int, _ content: String) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#000\">\(HTML.escape(content))</text>"
    }
}
