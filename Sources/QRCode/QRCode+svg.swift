extension QRCode {
    /// The code as an SVG image: one path of dark squares on a white background with the quiet
    /// zone the standard asks for (4 modules), scaled by the viewer; `title` is its text alternative.
    public func svg(title: String = "QR code", size: Int = 220) -> String {
        let side = width + 8
        var path = ""
        path.reserveCapacity(width * width * 4)
        for y in 0..<width {
            var x = 0
            while x < width {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                var run = 1
                while x + run < width, isDark(x: x + run, y: y) { run += 1 }
                path += "M\(x + 4) \(y + 4)h\(run)v1h-\(run)z"
                x += run
            }
        }
        let escaped = title.reduce(into: "") { out, character in
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="\(escaped)" width="\(size)" height="\(size)" \
            viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges"><title>\(escaped)</title>\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }
}
