public import CIICore
import CIIRegistry

extension AnnualReportRenderer {
    /// The report as a standalone HTML document in `language` (its style embedded, `lang` set),
    /// ready to print or to send.
    public static func html(_ report: AnnualReport, language: Language) -> String {
        """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(ReportText.title(language))) \(report.year)</title>
        <style>
        \(AnnualReportStyle.css)
        </style>
        </head>
        <body>
        \(fragment(report, language: language))
        </body>
        </html>

        """
    }

    /// The report as an `<article>` for a page of the site (which links ``AnnualReportStyle/css``).
    public static func fragment(_ report: AnnualReport, language: Language) -> String {
        let t = ReportText.self
        let previous = report.previous.map { previousValues($0, language) }
        let source =
            report.snapshotTakenOn.map { ReportText.format(t.snapshot, language, $0.swiss) } ?? t.live(language)
        var html = """
            <article class="annual-report" lang="\(language.rawValue)">
            <header><h1>\(HTML.escape(t.title(language))) \(report.year)</h1>
            <p class="report-source">\(HTML.escape(t.madeOn(language))) \(report.madeOn.swiss). \(HTML.escape(source))\
            \(previous == nil ? " " + HTML.escape(t.noPrevious(language)) : "")</p></header>

            """
        let lines = ReportLine.lines(report.figures, language)
        var sections: [String] = []
        for line in lines where !sections.contains(line.section) { sections.append(line.section) }
        for (index, section) in sections.enumerated() {
            html += "<section id=\"report-section-\(index + 1)\">\n<h2>\(HTML.escape(section))</h2>\n"
            if section == t.table(language) {
                for table in report.figures.tables { html += originTable(table, language) }
                html += regionChart(report, language)
            } else {
                html += lineTable(lines.filter { $0.section == section }, report: report, previous: previous, language)
                html += chart(after: section, report, language)
            }
            html += "</section>\n"
        }
        if report.figures.simultaneous == nil {
            html += "<section id=\"report-simultaneous\">\n<h2>\(HTML.escape(t.simultaneous(language)))</h2>\n"
            html += "<p>\(HTML.escape(t.simultaneousNone(language)))</p>\n</section>\n"
        }
        return html + "</article>\n"
    }

    /// A section's figures: name, the year, the previous year.
    static func lineTable(_ lines: [ReportLine], report: AnnualReport, previous: [String: String]?, _ language: Language) -> String {
        var html = "<table>\n<thead><tr><th scope=\"col\">\(HTML.escape(ReportText.figure(language)))</th>"
        html += "<th scope=\"col\" class=\"number\">\(report.year)</th>"
        if previous != nil { html += "<th scope=\"col\" class=\"number\">\(report.year - 1)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for line in lines {
            html += "<tr><th scope=\"row\">\(HTML.escape(line.label))</th><td class=\"number\">\(HTML.escape(line.value))</td>"
            if let previous { html += "<td class=\"number\">\(HTML.escape(previous[key(line)] ?? "–"))</td>" }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// Chapter 9's table of one age group.
    static func originTable(_ table: OriginTable, _ language: Language) -> String {
        var html = "<table>\n<caption>\(HTML.escape(table.ageGroup.label(language)))</caption>\n<thead><tr>"
        html += "<th scope=\"col\">\(HTML.escape(ReportText.announcer(language)))</th>"
        html += "<th scope=\"col\" class=\"number\">\(HTML.escape(ReportText.valais(language)))</th>"
        for region in Region.allCases { html += "<th scope=\"col\" class=\"number\">\(HTML.escape(region.label(language)))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in [table.total] + table.rows {
            let name = row.dispositif.map { $0.code(language) } ?? ReportText.tableTotal(language)
            html += "<tr><th scope=\"row\">\(HTML.escape(name))</th><td class=\"number\">\(row.total)</td>"
            for region in Region.allCases { html += "<td class=\"number\">\(row[region])</td>" }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The situations of both age groups by region, this year and the previous one.
    static func regionChart(_ report: AnnualReport, _ language: Language) -> String {
        func count(_ figures: AnnualFigures?, _ region: Region) -> Int? {
            figures.map { figures in figures.tables.reduce(0) { $0 + $1.total[region] } }
        }
        let bars = Region.allCases.map { region in
            let now = count(report.figures, region) ?? 0
            let before = count(report.previous, region)
            return SVGChart.Bar(
                label: region.label(language),
                value: Double(now),
                text: String(now),
                previous: before.map(Double.init),
                previousText: before.map(String.init)
            )
        }
        let title = ReportText.chartRegions(language)
        return figure(SVGChart.bars(id: "chart-regions", title: title, bars: bars, legend: legend(report)), caption: title)
    }

    /// The chart that follows a section, if it has one.
    static func chart(after section: String, _ report: AnnualReport, _ language: Language) -> String {
        let t = ReportText.self
        if section == t.services(language) {
            let bars = report.figures.services.map { service in
                let before = report.previous?.services.first { $0.type == service.type }?.people
                return SVGChart.Bar(
                    label: service.type.label(language),
                    value: Double(service.people),
                    text: String(service.people),
                    previous: before.map(Double.init),
                    previousText: before.map(String.init)
                )
            }
            return figure(
                SVGChart.bars(id: "chart-services", title: t.services(language), bars: bars, legend: legend(report)),
                caption: t.services(language)
            )
        }
        if section == t.profile(language) {
            let bars = report.figures.profile.education.map { line in
                let before = report.previous?.profile.education.first { $0.level == line.level }?.rate.share
                return SVGChart.Bar(
                    label: line.level.label(language),
                    value: line.rate.share.map { $0 * 100 },
                    text: ReportText.percent(line.rate.share) + " %",
                    previous: before.map { $0 * 100 },
                    previousText: report.previous.map { _ in ReportText.percent(before) + " %" }
                )
            }
            return figure(
                SVGChart.bars(id: "chart-education", title: t.chartEducation(language), bars: bars, legend: legend(report)),
                caption: t.chartEducation(language)
            )
        }
        if section == t.simultaneous(language), let simultaneous = report.figures.simultaneous {
            let bars = simultaneous.dispositifs.map { line in
                SVGChart.Bar(
                    label: line.dispositif.code(language),
                    value: line.anyOther.share.map { $0 * 100 },
                    text: line.anyOther.count.value == nil ? MaskedCount.hiddenText : ReportText.percent(line.anyOther.share) + " %",
                    previous: nil,
                    previousText: nil
                )
            }
            let note = ReportText.format(t.simultaneousNote, language, String(simultaneous.epoch), simultaneous.lastOnFrom.swiss)
            return figure(
                SVGChart.bars(id: "chart-simultaneous", title: t.chartSimultaneous(language), bars: bars, legend: nil),
                caption: t.chartSimultaneous(language)
            )
                + "<p class=\"report-source\">\(HTML.escape(note))</p>\n"
        }
        return ""
    }

    /// The two years' names when the previous one is shown.
    static func legend(_ report: AnnualReport) -> (String, String)? {
        report.previous == nil ? nil : (String(report.year), String(report.year - 1))
    }

    /// A chart with its caption (the SVG's title is only its accessible name: print shows the caption).
    static func figure(_ svg: String, caption: String) -> String {
        "<figure><figcaption>\(HTML.escape(caption))</figcaption>\(svg)</figure>\n"
    }
}
