/// The Mustache templates of the registry's case pages (merged into ``PageTemplates/all``).
/// Every input has its label; a problem sits under its input, linked by `aria-describedby`.
enum CasePageTemplates {
    static let all: [String: String] = [
        "case_field": field, "case_known": known, "case": casePage, "cases": cases, "case_new": newCase, "case_cancel": cancel,
        "case_summary": summary,
    ]

    /// One input (partial): label, hint, the input, its problem.
    static let field = """
        <div class="field{{#error}} invalid{{/error}}">
        {{#is_checks}}<fieldset{{#describedby}} aria-describedby="{{describedby}}"{{/describedby}}><legend>{{label}}</legend>
        {{#options}}<label class="check" for="{{id}}"><input type="checkbox" id="{{id}}" name="{{name}}" value="1"{{#checked}} checked{{/checked}}> {{label}}</label>
        {{/options}}</fieldset>{{/is_checks}}
        {{^is_checks}}<label for="{{id}}">{{label}}</label>{{/is_checks}}
        {{#hint}}<small id="{{id}}-hint">{{hint}}</small>{{/hint}}
        {{#read_only}}<output id="{{id}}">{{display}}</output>{{/read_only}}
        {{^read_only}}
        {{#is_text}}<input id="{{id}}" name="{{name}}" value="{{value}}"{{#describedby}} aria-describedby="{{describedby}}"{{/describedby}}{{#error}} aria-invalid="true"{{/error}}>{{/is_text}}
        {{#is_date}}<input id="{{id}}" name="{{name}}" value="{{value}}" inputmode="numeric" autocomplete="off" size="12"{{#describedby}} aria-describedby="{{describedby}}"{{/describedby}}{{#error}} aria-invalid="true"{{/error}}>{{/is_date}}
        {{#is_textarea}}<textarea id="{{id}}" name="{{name}}" rows="4"{{#describedby}} aria-describedby="{{describedby}}"{{/describedby}}{{#error}} aria-invalid="true"{{/error}}>{{value}}</textarea>{{/is_textarea}}
        {{#is_select}}<select id="{{id}}" name="{{name}}"{{#describedby}} aria-describedby="{{describedby}}"{{/describedby}}{{#error}} aria-invalid="true"{{/error}}>{{#optional}}<option value="">{{t.none_chosen}}</option>{{/optional}}{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>{{/is_select}}
        {{/read_only}}
        {{#error}}<p class="field-error" id="{{id}}-error">{{error}}</p>{{/error}}
        </div>
        """

    /// The dispositifs that know the person (partial), as the API's `knownElsewhere`.
    static let known = """
        {{#case.known}}<section class="result {{#case.known_any}}known{{/case.known_any}}{{^case.known_any}}unknown{{/case.known_any}}" id="known-elsewhere" aria-labelledby="known-title">
        <h2 id="known-title">{{t.known_elsewhere_title}}</h2>
        {{#case.known_any}}<ul id="known-list">{{#case.known_list}}<li><strong>{{code}}</strong> · {{name}}{{#last}} · {{t.known_elsewhere_last}} {{last}}{{/last}}
        <ul class="contacts">{{#contacts}}<li>{{t.contact}} {{person}} · {{region}}{{#phone}} · <a href="tel:{{phone}}">{{phone}}</a>{{/phone}} · <a href="mailto:{{email}}">{{email}}</a></li>{{/contacts}}{{#no_contact}}<li>{{t.no_contact}}</li>{{/no_contact}}</ul></li>{{/case.known_list}}</ul>{{/case.known_any}}
        {{^case.known_any}}<p>{{t.known_elsewhere_none}}</p>{{/case.known_any}}
        </section>{{/case.known}}
        """

    static let casePage = """
        {{<layout}}{{$body}}
        <h1 id="case-title">{{t.case_title}} {{case.id}}{{#case.name}} · {{case.name}}{{/case.name}}</h1>
        <p class="case-meta">{{t.case_status}} <span id="case-status" data-status="{{case.status_code}}">{{case.status}}</span>{{#case.birth}} · {{case.birth}}{{/case.birth}}</p>
        {{#case.cancellation}}<p class="error" id="cancelled">{{t.case_cancelled}} {{t.case_cancelled_reason}} {{reason}} ({{by}}, {{on}})</p>{{/case.cancellation}}
        {{>case_known}}
        <nav aria-label="{{t.case_tabs}}" class="tabs"><ul>{{#tabs}}<li><a href="/registry/cases/{{case.id}}/{{name}}" id="tab-{{name}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/tabs}}</ul></nav>
        <p class="case-actions"><a href="/registry/cases/{{case.id}}/summary" id="case-summary">{{t.case_summary}}</a>{{#can_read_history}} · <a href="/registry/cases/{{case.id}}/history" id="case-history">{{t.case_history}}</a>{{/can_read_history}}{{#can_cancel}} · <a href="/registry/cases/{{case.id}}/cancel" id="case-cancel">{{t.case_cancel}}</a>{{/can_cancel}}</p>
        <section id="tab" aria-labelledby="tab-title">
        <h2 id="tab-title">{{tab.label}}</h2>
        {{#tab.extra.is_gravity}}<dl class="fields" id="gravity">
        <dt>{{t.gravity_computed}}</dt><dd id="gravity-computed">{{tab.extra.computed}}</dd>
        <dt>{{t.gravity_effective}}</dt><dd id="gravity-effective">{{tab.extra.effective}}</dd>
        <dt>{{t.gravity_weights}}</dt><dd>{{tab.extra.weights}}</dd>
        {{#tab.extra.review}}<dt>{{t.gravity_reviewed}}</dt><dd id="gravity-review">{{index}} · {{by}} · {{on}}{{#reason}} · {{reason}}{{/reason}}</dd>{{/tab.extra.review}}
        </dl>{{/tab.extra.is_gravity}}
        {{#tab.extra.is_documents}}
        {{#tab.extra.has_documents}}<table id="documents"><thead><tr><th scope="col">{{t.f_designation}}</th><th scope="col">{{t.f_code}}</th><th scope="col">{{t.f_poa_expiry}}</th><th scope="col">{{t.f_size}}</th><th scope="col">{{t.documents_download}}</th></tr></thead>
        <tbody>{{#tab.extra.documents}}<tr><td>{{designation}}</td><td>{{code}}</td><td>{{expiry}}{{#expired}} <strong class="expired">{{t.poa_expired}}</strong>{{/expired}}</td><td>{{size}}</td><td><a href="{{href}}" class="download" download>{{t.documents_download}} <span class="visually-hidden">{{designation}}</span> ({{kind}})</a></td></tr>{{/tab.extra.documents}}</tbody></table>{{/tab.extra.has_documents}}
        {{^tab.extra.has_documents}}<p>{{t.tab_empty}}</p>{{/tab.extra.has_documents}}
        {{#tab.extra.upload}}<h3>{{t.documents_upload}}</h3>
        {{#available}}<form method="post" action="/registry/cases/{{case.id}}/documents/upload" enctype="multipart/form-data" class="card" id="upload-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="etag" value="{{etag}}">
        {{#fields}}{{>case_field}}{{/fields}}
        <div class="field{{#file_error}} invalid{{/file_error}}"><label for="f-file">{{t.f_file}}</label>
        <small id="f-file-hint">{{t.documents_upload_hint}} {{limit}}</small>
        <input type="file" id="f-file" name="file" aria-describedby="f-file-hint{{#file_error}} f-file-error{{/file_error}}"{{#file_error}} aria-invalid="true"{{/file_error}}>
        {{#file_error}}<p class="field-error" id="f-file-error">{{file_error}}</p>{{/file_error}}</div>
        <button type="submit" id="upload-submit">{{t.documents_upload_submit}}</button>
        </form>{{/available}}
        {{^available}}<p class="error">{{t.documents_unavailable}}</p>{{/available}}
        {{/tab.extra.upload}}
        {{/tab.extra.is_documents}}
        {{#tab.editable}}
        {{#tab.has_fields}}
        <form method="post" action="/registry/cases/{{case.id}}/{{tab.name}}" class="case-form" id="tab-form" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="etag" value="{{etag}}"><input type="hidden" name="rows" value="{{tab.row_count}}">
        {{#tab.single}}{{>case_field}}{{/tab.single}}
        {{#tab.rows}}<fieldset class="line" id="line-{{index}}"><legend>{{legend}}</legend>
        {{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
        {{#fields}}{{>case_field}}{{/fields}}
        {{#removable}}<label class="check" for="{{remove_id}}"><input type="checkbox" id="{{remove_id}}" name="{{remove_name}}" value="1"> {{t.row_remove}}</label>{{/removable}}
        </fieldset>{{/tab.rows}}
        <button type="submit" id="tab-save">{{t.save}}</button>
        </form>
        {{/tab.has_fields}}
        {{/tab.editable}}
        {{^tab.editable}}
        {{#tab.has_single}}<dl class="fields">{{#tab.single}}<dt>{{label}}</dt><dd id="{{id}}">{{display}}</dd>{{/tab.single}}</dl>{{/tab.has_single}}
        {{#tab.is_rows}}{{^tab.is_documents}}{{#tab.has_rows}}<table id="tab-lines"><thead><tr>{{#tab.columns}}<th scope="col">{{label}}</th>{{/tab.columns}}</tr></thead>
        <tbody>{{#tab.rows}}<tr>{{#fields}}<td>{{display}}</td>{{/fields}}</tr>{{/tab.rows}}</tbody></table>{{/tab.has_rows}}
        {{^tab.has_rows}}<p>{{t.tab_empty}}</p>{{/tab.has_rows}}{{/tab.is_documents}}{{/tab.is_rows}}
        {{/tab.editable}}
        </section>
        {{/body}}{{/layout}}
        """

    static let cases = """
        {{<layout}}{{$body}}
        <h1>{{heading}}</h1>
        {{#intro}}<p>{{intro}}</p>{{/intro}}
        {{#search}}
        <form method="post" action="/registry/search" class="card search" id="search-form" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#fields}}{{>case_field}}{{/fields}}
        <button type="submit" id="search-submit">{{t.search_submit}}</button>
        </form>
        {{/search}}
        {{#searched}}<h2 id="results-title">{{t.search_results}}</h2><p id="total">{{total}} {{t.search_total}}</p>{{/searched}}
        {{#has_items}}
        <table id="cases">
        <thead><tr><th scope="col">{{t.col_case}}</th><th scope="col">{{t.col_person}}</th><th scope="col">{{t.col_birth}}</th><th scope="col">{{t.col_region}}</th><th scope="col">{{t.col_dispositif}}</th><th scope="col">{{t.col_announced}}</th><th scope="col">{{t.col_status}}</th></tr></thead>
        <tbody>{{#items}}<tr id="case-{{id}}"><td><a href="/registry/cases/{{id}}">{{id}}</a></td><td><a href="/registry/cases/{{id}}">{{name}}</a></td><td>{{birth}}</td><td>{{region}}</td><td>{{dispositif}}</td><td>{{announced}}</td><td>{{status}}</td></tr>{{/items}}</tbody>
        </table>
        {{/has_items}}
        {{^has_items}}{{#listed}}<p id="no-cases">{{t.cases_none}}</p>{{/listed}}{{/has_items}}
        {{#pager}}<nav aria-label="{{t.page_of}}" class="pager"><p>{{t.page_of}} {{pager.page}} / {{pager.pages}}</p>
        {{#pager.previous}}{{#href}}<a href="{{href}}" id="page-previous">{{t.page_previous}}</a>{{/href}}{{^href}}<form method="post" action="{{pager.action}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">{{#pager.keep}}<input type="hidden" name="{{name}}" value="{{value}}">{{/pager.keep}}<input type="hidden" name="page" value="{{page}}"><button class="small" id="page-previous">{{t.page_previous}}</button></form>{{/href}}{{/pager.previous}}
        {{#pager.next}}{{#href}}<a href="{{href}}" id="page-next">{{t.page_next}}</a>{{/href}}{{^href}}<form method="post" action="{{pager.action}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}">{{#pager.keep}}<input type="hidden" name="{{name}}" value="{{value}}">{{/pager.keep}}<input type="hidden" name="page" value="{{page}}"><button class="small" id="page-next">{{t.page_next}}</button></form>{{/href}}{{/pager.next}}
        </nav>{{/pager}}
        {{/body}}{{/layout}}
        """

    static let newCase = """
        {{<layout}}{{$body}}
        <h1>{{t.new_case_title}}</h1>
        <p>{{t.new_case_intro}}</p>
        <form method="post" action="/registry/cases/new" class="case-form" id="new-case-form" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <fieldset><legend>{{t.new_case_person}}</legend>{{#person}}{{>case_field}}{{/person}}</fieldset>
        <fieldset><legend>{{t.tab_announcement}}</legend>{{#announcement}}{{>case_field}}{{/announcement}}</fieldset>
        <fieldset><legend>{{t.tab_situation}}</legend>{{#situation}}{{>case_field}}{{/situation}}</fieldset>
        <button type="submit" id="new-case-submit">{{t.save}}</button>
        </form>
        {{/body}}{{/layout}}
        """

    static let cancel = """
        {{<layout}}{{$body}}
        <h1>{{t.cancel_title}} {{case.id}}{{#case.name}} · {{case.name}}{{/case.name}}</h1>
        <p>{{t.cancel_intro}}</p>
        <form method="post" action="/registry/cases/{{case.id}}/cancel" class="card" id="cancel-form" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="etag" value="{{etag}}">
        {{#fields}}{{>case_field}}{{/fields}}
        <button type="submit" id="cancel-confirm">{{t.cancel_confirm}}</button>
        </form>
        <p><a href="/registry/cases/{{case.id}}" id="cancel-back">{{t.cancel_back}}</a></p>
        {{/body}}{{/layout}}
        """

    static let summary = """
        {{<layout}}{{$body}}
        <h1 id="case-title">{{t.summary_title}} {{case.id}}{{#case.name}} · {{case.name}}{{/case.name}}</h1>
        <p class="case-meta">{{t.case_status}} <span id="case-status">{{case.status}}</span>{{#case.birth}} · {{case.birth}}{{/case.birth}} · {{t.summary_printed}} {{printed}}</p>
        <p class="no-print">{{t.summary_print}} <a href="/registry/cases/{{case.id}}" id="summary-back">{{t.summary_back}}</a></p>
        {{#case.cancellation}}<p class="error">{{t.case_cancelled}} {{t.case_cancelled_reason}} {{reason}}</p>{{/case.cancellation}}
        {{>case_known}}
        {{#sections}}<section class="summary-tab" id="summary-{{name}}" aria-labelledby="summary-{{name}}-title">
        <h2 id="summary-{{name}}-title">{{label}}</h2>
        {{#extra.is_gravity}}<dl class="fields"><dt>{{t.gravity_computed}}</dt><dd>{{extra.computed}}</dd><dt>{{t.gravity_effective}}</dt><dd>{{extra.effective}}</dd>{{#extra.review}}<dt>{{t.gravity_reviewed}}</dt><dd>{{index}} · {{by}} · {{on}}{{#reason}} · {{reason}}{{/reason}}</dd>{{/extra.review}}</dl>{{/extra.is_gravity}}
        {{#has_single}}<dl class="fields">{{#single}}<dt>{{label}}</dt><dd>{{display}}</dd>{{/single}}</dl>{{/has_single}}
        {{#has_rows}}<table><thead><tr>{{#columns}}<th scope="col">{{label}}</th>{{/columns}}</tr></thead><tbody>{{#rows}}<tr>{{#fields}}<td>{{display}}</td>{{/fields}}</tr>{{/rows}}</tbody></table>{{/has_rows}}
        {{#is_rows}}{{^has_rows}}<p>{{t.tab_empty}}</p>{{/has_rows}}{{/is_rows}}
        </section>{{/sections}}
        {{/body}}{{/layout}}
        """
}
