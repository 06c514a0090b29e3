/// The right-of-access report as one standalone, printable HTML document (no script, no
/// external style). Every value goes through `{{…}}`, which escapes HTML.
enum PersonReportTemplate {
    static let html = """
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <title>{{t.title}} · {{person.surname}} {{person.first_name}}</title>
        <style>
        body { font: 11pt/1.4 system-ui, sans-serif; margin: 2em; color: #000; }
        h1 { font-size: 16pt; } h2 { font-size: 14pt; border-bottom: 1px solid #000; margin-top: 1.6em; }
        h3 { font-size: 12pt; margin-top: 1.2em; }
        table { border-collapse: collapse; width: 100%; margin: .4em 0; }
        th, td { border: 1px solid #888; padding: .2em .4em; text-align: left; vertical-align: top; }
        th { background: #eee; } .cancelled { border: 2px solid #b00; padding: .4em; color: #b00; font-weight: bold; }
        .text { white-space: pre-wrap; } section.case { page-break-inside: avoid; }
        @media print { body { margin: 0; } h2 { page-break-after: avoid; } }
        </style>
        </head>
        <body>
        <h1>{{t.title}}</h1>
        <p>{{t.law}}</p>
        <p>{{t.generated}} {{generated}}</p>
        <h2 id="person">{{t.person}}</h2>
        <table>
        <tr><th>{{t.avs}}</th><td>{{person.avs}}</td></tr>
        <tr><th>{{t.surname}}</th><td>{{person.surname}}</td></tr>
        <tr><th>{{t.first_name}}</th><td>{{person.first_name}}</td></tr>
        <tr><th>{{t.birth_date}}</th><td>{{person.birth_date}}</td></tr>
        <tr><th>{{t.sex}}</th><td>{{person.sex}}</td></tr>
        <tr><th>{{t.language}}</th><td>{{person.language}}</td></tr>
        <tr><th>{{t.education}}</th><td>{{person.education}}</td></tr>
        </table>
        <h2 id="cases">{{t.cases}}</h2>
        {{^cases}}<p>{{t.no_cases}}</p>{{/cases}}
        {{#cases}}
        <section class="case" id="case-{{id}}">
        <h2>{{t.case}} {{id}} — {{status}}</h2>
        {{#cancelled}}<p class="cancelled">{{t.cancelled_mark}}</p>{{/cancelled}}
        <h3>{{t.announcement}}</h3>
        <table>
        <tr><th>{{t.region}}</th><td>{{announcement.region}}</td></tr>
        <tr><th>{{t.requested_service}}</th><td>{{announcement.requested_service}}</td></tr>
        <tr><th>{{t.announced_on}}</th><td>{{announcement.announced_on}}</td></tr>
        <tr><th>{{t.announced_to_bureau_on}}</th><td>{{announcement.announced_to_bureau_on}}</td></tr>
        <tr><th>{{t.followed_since}}</th><td>{{announcement.followed_since}}</td></tr>
        <tr><th>{{t.age_group}}</th><td>{{announcement.age_group}}</td></tr>
        <tr><th>{{t.dispositif}}</th><td>{{announcement.dispositif}}</td></tr>
        </table>
        <h3>{{t.situation}}</h3>
        <p class="text">{{situation.text}}</p>
        <p>{{t.risk_factors}} : {{situation.risk_factors}}</p>
        <h3>{{t.gravity}}</h3>
        <table>
        <tr><th>{{t.gravity}}</th><td>{{gravity.effective}}</td></tr>
        <tr><th>{{t.gravity_computed}}</th><td>{{gravity.computed}}</td></tr>
        <tr><th>{{t.gravity_version}}</th><td>{{gravity.version}}</td></tr>
        <tr><th>{{t.gravity_review}}</th><td>{{gravity.review}}</td></tr>
        </table>
        <h3>{{t.collaborators}}</h3>
        <table>
        <tr><th>{{t.announcing}}</th><td>{{collaborators.announcing}}</td></tr>
        <tr><th>{{t.involved}}</th><td>{{#collaborators.involved}}{{.}}<br>{{/collaborators.involved}}</td></tr>
        </table>
        <h3>{{t.documents}}</h3>
        {{^documents}}<p>{{t.none}}</p>{{/documents}}
        {{#has_documents}}<table><tr><th>{{t.designation}}</th><th>{{t.code}}</th><th>{{t.kind}}</th><th>{{t.size}}</th><th>{{t.power_of_attorney}}</th><th>{{t.expiry}}</th></tr>{{/has_documents}}
        {{#documents}}<tr><td>{{designation}}</td><td>{{code}}</td><td>{{kind}}</td><td>{{size}}</td><td>{{power_of_attorney}}</td><td>{{expiry}}</td></tr>{{/documents}}
        {{#has_documents}}</table>{{/has_documents}}
        <h3>{{t.logbook}}</h3>
        {{^logbook}}<p>{{t.none}}</p>{{/logbook}}
        {{#has_logbook}}<table><tr><th>{{t.date}}</th><th>{{t.text}}</th><th>{{t.partners}}</th></tr>{{/has_logbook}}
        {{#logbook}}<tr><td>{{date}}</td><td class="text">{{text}}</td><td>{{partners}}</td></tr>{{/logbook}}
        {{#has_logbook}}</table>{{/has_logbook}}
        <h3>{{t.medical_mandate}}</h3>
        {{^medical}}<p>{{t.none}}</p>{{/medical}}
        {{#has_medical}}<table><tr><th>{{t.type}}</th><th>{{t.date}}</th><th>{{t.cost}}</th></tr>{{/has_medical}}
        {{#medical}}<tr><td>{{type}}</td><td>{{date}}</td><td>{{cost}}</td></tr>{{/medical}}
        {{#has_medical}}</table>{{/has_medical}}
        <h3>{{t.decision}}</h3>
        <table>
        <tr><th>{{t.opened_on}}</th><td>{{decision.opened_on}}</td></tr>
        <tr><th>{{t.closed_on}}</th><td>{{decision.closed_on}}</td></tr>
        <tr><th>{{t.in_charge}}</th><td>{{decision.in_charge}}</td></tr>
        </table>
        <h3>{{t.services}}</h3>
        {{^services}}<p>{{t.none}}</p>{{/services}}
        {{#has_services}}<table><tr><th>{{t.type}}</th><th>{{t.start}}</th><th>{{t.end}}</th><th>{{t.closing_status}}</th></tr>{{/has_services}}
        {{#services}}<tr><td>{{type}}</td><td>{{start}}</td><td>{{end}}</td><td>{{closing_status}}</td></tr>{{/services}}
        {{#has_services}}</table>{{/has_services}}
        {{#cancellation}}
        <h3>{{t.cancellation}}</h3>
        <table>
        <tr><th>{{t.reason}}</th><td class="text">{{reason}}</td></tr>
        <tr><th>{{t.by}}</th><td>{{by}}</td></tr>
        <tr><th>{{t.at}}</th><td>{{at}}</td></tr>
        </table>
        {{/cancellation}}
        <h3>{{t.history}}</h3>
        {{^history}}<p>{{t.none}}</p>{{/history}}
        {{#has_history}}<table><tr><th>{{t.when}}</th><th>{{t.who}}</th><th>{{t.field}}</th><th>{{t.old_value}}</th><th>{{t.new_value}}</th></tr>{{/has_history}}
        {{#history}}<tr><td>{{at}}</td><td>{{actor}}</td><td>{{field}}</td><td class="text">{{old}}</td><td class="text">{{new}}</td></tr>{{/history}}
        {{#has_history}}</table>{{/has_history}}
        </section>
        {{/cases}}
        <h2 id="notices">{{t.notices}}</h2>
        {{^notices}}<p>{{t.none}}</p>{{/notices}}
        {{#has_notices}}<table><tr><th>{{t.when}}</th><th>{{t.case}}</th><th>{{t.who}}</th><th>{{t.reason}}</th></tr>{{/has_notices}}
        {{#notices}}<tr><td>{{at}}</td><td>{{case}}</td><td>{{by}}</td><td class="text">{{reason}}</td></tr>{{/notices}}
        {{#has_notices}}</table>{{/has_notices}}
        <h2 id="access-log">{{t.access_log}}</h2>
        <p>{{t.access_log_note}}</p>
        {{^access}}<p>{{t.none}}</p>{{/access}}
        {{#has_access}}<table><tr><th>{{t.when}}</th><th>{{t.who}}</th><th>{{t.what}}</th><th>{{t.outcome}}</th></tr>{{/has_access}}
        {{#access}}<tr><td>{{time}}</td><td>{{actor}}</td><td>{{what}}</td><td>{{outcome}}</td></tr>{{/access}}
        {{#has_access}}</table>{{/has_access}}
        </body>
        </html>

        """
}
