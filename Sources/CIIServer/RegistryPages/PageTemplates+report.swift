extension PageTemplates {
    /// The bureau's annual report page (`/registry/report`): a year chooser, the download links,
    /// and the report (HTML made by CIIReport, its style sheet linked: the site allows no inline style).
    static let report = """
        {{<layout}}{{$body}}
        <link rel="stylesheet" href="/registry/report.css">
        {{^has_report}}<h1>{{heading}}</h1>{{/has_report}}
        <form method="get" action="/registry/report" class="report-chooser">
        <label for="year">{{year_label}}</label>
        <select id="year" name="year"{{#has_year_error}} aria-invalid="true" aria-describedby="year-error"{{/has_year_error}}>
        {{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/years}}
        </select>
        {{#has_year_error}}<span class="error" id="year-error" role="alert">{{year_error}}</span>{{/has_year_error}}
        <button type="submit" id="report-show">{{show}}</button>
        </form>
        {{#has_report}}
        <p class="report-downloads">{{downloads}}
        <a href="/registry/report?year={{year}}&amp;format=csv" id="report-csv">CSV</a> ·
        <a href="/registry/report?year={{year}}&amp;format=json" id="report-json">JSON</a></p>
        {{{report}}}
        {{/has_report}}
        {{/body}}{{/layout}}
        """
}
