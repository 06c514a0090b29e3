/// The report's style sheet: the standalone HTML file embeds it; the bureau's page links it
/// (`/registry/report.css`, the site's policy allows no inline style). Prints on A4 without the
/// site's menu and the page's controls, no section cut in two.
public enum AnnualReportStyle {
    /// The CSS.
    public static let css = """
        .annual-report { font-family: system-ui, sans-serif; color: #111; max-width: 60rem; }
        .annual-report h1 { font-size: 1.6rem; margin-bottom: .2rem; }
        .annual-report h2 { font-size: 1.2rem; border-bottom: 2px solid #1f4e79; padding-bottom: .2rem; margin-top: 1.6rem; }
        .annual-report table { border-collapse: collapse; margin: .6rem 0; }
        .annual-report th, .annual-report td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; }
        .annual-report td.number, .annual-report th.number { text-align: right; font-variant-numeric: tabular-nums; }
        .annual-report caption { text-align: left; font-weight: bold; padding: .3rem 0; }
        .annual-report .report-source { color: #333; font-size: .9rem; }
        .annual-report figure { margin: .8rem 0; }
        .annual-report figcaption { font-weight: bold; margin-bottom: .3rem; }
        .annual-report svg.report-chart { max-width: 100%; height: auto; }
        @media print {
            @page { size: A4; margin: 15mm; }
            body > header, body > nav, body > footer, nav, .report-chooser, .report-downloads, .skip-link { display: none !important; }
            .annual-report { max-width: none; font-size: 10pt; }
            .annual-report section, .annual-report figure, .annual-report table { break-inside: avoid; }
            .annual-report h2 { break-after: avoid; }
            a { color: inherit; text-decoration: none; }
        }
        """
}
