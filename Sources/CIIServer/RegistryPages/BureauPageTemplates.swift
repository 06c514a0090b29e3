/// The Mustache templates of the bureau's and admin's registry pages (directory, code lists,
/// users, powers of attorney, trainings), merged into ``PageTemplates/all``. Each field's error
/// sits next to it (`{{errors.<field>}}`), tied to it by `aria-describedby`.
enum BureauPageTemplates {
    static let all: [String: String] = [
        "directory": directory, "directory_edit": directoryEdit, "directory_form": directoryForm,
        "code_lists": codeLists, "code_list_edit": codeListEdit, "code_form": codeForm,
        "trainings": trainings, "training_edit": trainingEdit, "training_form": trainingForm,
        "powers_of_attorney": powersOfAttorney, "registry_users": users,
    ]

    /// The fields of a directory entry (the list's add form and the edit page).
    static let directoryForm = """
        <form method="post" action="{{action}}" class="card" id="directory-form" novalidate>
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label for="d-name">{{t.name}}</label>
          <input id="d-name" name="name" maxlength="100" autocomplete="off" value="{{form.name}}"{{#errors.name}} aria-invalid="true" aria-describedby="d-name-error"{{/errors.name}}>
          {{#errors.name}}<p class="field-error" id="d-name-error">{{.}}</p>{{/errors.name}}
          <label for="d-dispositif">{{t.dispositif}}</label>
          <select id="d-dispositif" name="dispositif"{{#errors.dispositif}} aria-invalid="true" aria-describedby="d-dispositif-error"{{/errors.dispositif}}>
            <option value="">{{t.choose}}</option>{{#dispositifs}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/dispositifs}}
          </select>
          {{#errors.dispositif}}<p class="field-error" id="d-dispositif-error">{{.}}</p>{{/errors.dispositif}}
          <label for="d-region">{{t.region}}</label>
          <select id="d-region" name="region"{{#errors.region}} aria-invalid="true" aria-describedby="d-region-error"{{/errors.region}}>
            <option value="">{{t.choose}}</option>{{#regions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/regions}}
          </select>
          {{#errors.region}}<p class="field-error" id="d-region-error">{{.}}</p>{{/errors.region}}
          <label for="d-function">{{t.cii_function}}</label>
          <select id="d-function" name="function"{{#errors.function}} aria-invalid="true" aria-describedby="d-function-error"{{/errors.function}}>
            <option value="">{{t.choose}}</option>{{#functions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/functions}}
          </select>
          {{#errors.function}}<p class="field-error" id="d-function-error">{{.}}</p>{{/errors.function}}
          <label for="d-phone">{{t.phone}}</label>
          <input id="d-phone" name="phone" type="tel" maxlength="40" value="{{form.phone}}"{{#errors.phone}} aria-invalid="true" aria-describedby="d-phone-error"{{/errors.phone}}>
          {{#errors.phone}}<p class="field-error" id="d-phone-error">{{.}}</p>{{/errors.phone}}
          <label for="d-email">{{t.email}}</label>
          <input id="d-email" name="email" type="email" maxlength="200" value="{{form.email}}"{{#errors.email}} aria-invalid="true" aria-describedby="d-email-error"{{/errors.email}}>
          {{#errors.email}}<p class="field-error" id="d-email-error">{{.}}</p>{{/errors.email}}
          <button type="submit" id="directory-submit">{{t.save}}</button>
        </form>
        """

    static let directory = """
        {{<layout}}{{$body}}
        <h1>{{t.directory_title}}</h1>
        <p>{{t.directory_intro}}</p>
        {{^has_entries}}<p id="no-entries">{{t.directory_none}}</p>{{/has_entries}}
        {{#has_entries}}
        <table id="directory">
          <caption class="visually-hidden">{{t.directory_title}}</caption>
          <thead><tr><th scope="col">{{t.name}}</th><th scope="col">{{t.dispositif}}</th><th scope="col">{{t.region}}</th><th scope="col">{{t.cii_function}}</th><th scope="col">{{t.phone}}</th><th scope="col">{{t.email}}</th><th scope="col">{{t.actions}}</th></tr></thead>
          <tbody>
          {{#entries}}<tr id="entry-{{id}}"><td>{{name}}</td><td>{{dispositif}}</td><td>{{region}}</td><td>{{function}}</td><td>{{phone}}</td><td>{{email}}</td>
            <td><a href="/registry/directory/{{id}}" id="edit-entry-{{id}}">{{t.edit}}<span class="visually-hidden"> {{name}}</span></a></td></tr>{{/entries}}
          </tbody>
        </table>
        {{/has_entries}}
        <h2 id="add-entry">{{t.directory_add}}</h2>
        {{>directory_form}}
        {{/body}}{{/layout}}
        """

    static let directoryEdit = """
        {{<layout}}{{$body}}
        <h1>{{t.directory_edit_title}}</h1>
        <p><a href="/registry/directory" id="back">{{t.back_to_list}}</a></p>
        {{>directory_form}}
        {{/body}}{{/layout}}
        """

    /// The fields of a document code (the code itself only when adding one).
    static let codeForm = """
        <form method="post" action="{{action}}" class="card" id="code-form" novalidate>
          <input type="hidden" name="csrf" value="{{csrf}}">
          {{^code}}<label for="c-code">{{t.code_list_code}}</label>
          <input id="c-code" name="code" maxlength="20" autocomplete="off" value="{{form.code}}" aria-describedby="c-code-hint{{#errors.code}} c-code-error{{/errors.code}}"{{#errors.code}} aria-invalid="true"{{/errors.code}}>
          <small id="c-code-hint">{{t.code_list_code_hint}}</small>
          {{#errors.code}}<p class="field-error" id="c-code-error">{{.}}</p>{{/errors.code}}{{/code}}
          {{#code}}<p>{{t.code_list_code}} <strong id="c-code">{{code}}</strong></p>{{/code}}
          <label for="c-label-fr">{{t.code_list_label_fr}}</label>
          <input id="c-label-fr" name="labelFR" lang="fr" maxlength="500" value="{{form.labelFR}}"{{#errors.labelFR}} aria-invalid="true" aria-describedby="c-label-fr-error"{{/errors.labelFR}}>
          {{#errors.labelFR}}<p class="field-error" id="c-label-fr-error">{{.}}</p>{{/errors.labelFR}}
          <label for="c-label-de">{{t.code_list_label_de}}</label>
          <input id="c-label-de" name="labelDE" lang="de" maxlength="500" value="{{form.labelDE}}"{{#errors.labelDE}} aria-invalid="true" aria-describedby="c-label-de-error"{{/errors.labelDE}}>
          {{#errors.labelDE}}<p class="field-error" id="c-label-de-error">{{.}}</p>{{/errors.labelDE}}
          <label class="check"><input type="checkbox" name="attorney" id="c-attorney" value="1"{{#attorney}} checked{{/attorney}}> {{t.code_list_attorney}}</label>
          <button type="submit" id="code-submit">{{t.save}}</button>
        </form>
        """

    static let codeLists = """
        {{<layout}}{{$body}}
        <h1>{{t.code_lists_title}}</h1>
        <p>{{t.code_lists_intro}}</p>
        {{^has_codes}}<p id="no-codes">{{t.code_lists_none}}</p>{{/has_codes}}
        {{#has_codes}}
        <table id="codes">
          <caption class="visually-hidden">{{t.code_lists_title}}</caption>
          <thead><tr><th scope="col">{{t.code_list_code}}</th><th scope="col">{{t.code_list_label_fr}}</th><th scope="col">{{t.code_list_label_de}}</th><th scope="col">{{t.code_list_attorney_short}}</th><th scope="col">{{t.actions}}</th></tr></thead>
          <tbody>
          {{#codes}}<tr id="code-{{code}}"><td><strong>{{code}}</strong></td><td lang="fr">{{label_fr}}</td><td lang="de">{{label_de}}</td><td>{{attorney}}</td>
            <td><a href="/registry/code-lists/{{code}}" id="edit-code-{{code}}">{{t.edit}}<span class="visually-hidden"> {{code}}</span></a></td></tr>{{/codes}}
          </tbody>
        </table>
        {{/has_codes}}
        <h2>{{t.code_list_add}}</h2>
        {{>code_form}}
        {{/body}}{{/layout}}
        """

    static let codeListEdit = """
        {{<layout}}{{$body}}
        <h1>{{t.code_list_edit_title}}</h1>
        <p><a href="/registry/code-lists" id="back">{{t.back_to_list}}</a></p>
        {{>code_form}}
        {{/body}}{{/layout}}
        """

    /// The fields of a training or regional day.
    static let trainingForm = """
        <form method="post" action="{{action}}" class="card" id="training-form" novalidate>
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label for="tr-kind">{{t.training_kind}}</label>
          <select id="tr-kind" name="kind"{{#errors.kind}} aria-invalid="true" aria-describedby="tr-kind-error"{{/errors.kind}}>
            {{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}
          </select>
          {{#errors.kind}}<p class="field-error" id="tr-kind-error">{{.}}</p>{{/errors.kind}}
          <label for="tr-title">{{t.training_name}}</label>
          <input id="tr-title" name="title" maxlength="500" value="{{form.title}}"{{#errors.title}} aria-invalid="true" aria-describedby="tr-title-error"{{/errors.title}}>
          {{#errors.title}}<p class="field-error" id="tr-title-error">{{.}}</p>{{/errors.title}}
          <label for="tr-date">{{t.training_date}}</label>
          <input id="tr-date" name="date" type="date" value="{{form.date}}"{{#errors.date}} aria-invalid="true" aria-describedby="tr-date-error"{{/errors.date}}>
          {{#errors.date}}<p class="field-error" id="tr-date-error">{{.}}</p>{{/errors.date}}
          <label for="tr-region">{{t.region}}</label>
          <select id="tr-region" name="region"{{#errors.region}} aria-invalid="true" aria-describedby="tr-region-error"{{/errors.region}}>
            <option value="">{{t.choose}}</option>{{#regions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/regions}}
          </select>
          {{#errors.region}}<p class="field-error" id="tr-region-error">{{.}}</p>{{/errors.region}}
          <label for="tr-language">{{t.language}}</label>
          <select id="tr-language" name="language"{{#errors.language}} aria-invalid="true" aria-describedby="tr-language-error"{{/errors.language}}>
            <option value="">{{t.choose}}</option>{{#languages}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/languages}}
          </select>
          {{#errors.language}}<p class="field-error" id="tr-language-error">{{.}}</p>{{/errors.language}}
          <label for="tr-participants">{{t.training_participants}}</label>
          <input id="tr-participants" name="participants" inputmode="numeric" value="{{form.participants}}"{{#errors.participants}} aria-invalid="true" aria-describedby="tr-participants-error"{{/errors.participants}}>
          {{#errors.participants}}<p class="field-error" id="tr-participants-error">{{.}}</p>{{/errors.participants}}
          <button type="submit" id="training-submit">{{t.save}}</button>
        </form>
        """

    static let trainings = """
        {{<layout}}{{$body}}
        <h1>{{t.trainings_title}} {{year}}</h1>
        <p>{{t.trainings_intro}}</p>
        <form method="get" action="/registry/trainings" class="row" id="year-form">
          <label for="year">{{t.year}}</label>
          <input id="year" name="year" inputmode="numeric" size="6" value="{{year_field}}"{{#filter_errors.year}} aria-invalid="true" aria-describedby="year-error"{{/filter_errors.year}}>
          <button type="submit" id="year-submit">{{t.show}}</button>
          <a href="/registry/trainings?year={{previous_year}}" id="previous-year">← {{previous_year}}</a>
          <a href="/registry/trainings?year={{next_year}}" id="next-year">{{next_year}} →</a>
        </form>
        {{#filter_errors.year}}<p class="field-error" id="year-error">{{.}}</p>{{/filter_errors.year}}
        {{^has_trainings}}<p id="no-trainings">{{t.trainings_none}}</p>{{/has_trainings}}
        {{#has_trainings}}
        <table id="trainings">
          <caption class="visually-hidden">{{t.trainings_title}} {{year}}</caption>
          <thead><tr><th scope="col">{{t.training_date}}</th><th scope="col">{{t.training_kind}}</th><th scope="col">{{t.training_name}}</th><th scope="col">{{t.region}}</th><th scope="col">{{t.language}}</th><th scope="col">{{t.training_participants}}</th><th scope="col">{{t.actions}}</th></tr></thead>
          <tbody>
          {{#trainings}}<tr id="training-{{id}}"><td>{{date}}</td><td>{{kind}}</td><td>{{title}}</td><td>{{region}}</td><td>{{language}}</td><td>{{participants}}</td>
            <td><a href="/registry/trainings/{{id}}?year={{year}}" id="edit-training-{{id}}">{{t.edit}}<span class="visually-hidden"> {{title}}</span></a></td></tr>{{/trainings}}
          </tbody>
        </table>
        <p id="participants">{{t.trainings_total}} <strong id="total">{{total}}</strong> ({{t.trainings_french_part}} <span id="french-part">{{french_part}}</span>, {{t.trainings_upper_valais}} <span id="upper-valais">{{upper_valais}}</span>)</p>
        {{/has_trainings}}
        <h2>{{t.training_add}}</h2>
        {{>training_form}}
        {{/body}}{{/layout}}
        """

    static let trainingEdit = """
        {{<layout}}{{$body}}
        <h1>{{t.training_edit_title}}</h1>
        <p><a href="/registry/trainings" id="back">{{t.back_to_list}}</a></p>
        {{>training_form}}
        {{/body}}{{/layout}}
        """

    static let powersOfAttorney = """
        {{<layout}}{{$body}}
        <h1>{{t.poa_title}}</h1>
        <p>{{t.poa_intro}} {{today}}.</p>
        <form method="get" action="/registry/powers-of-attorney" class="row" id="within-form" novalidate>
          <label for="within">{{t.poa_within}}</label>
          <input id="within" name="within" inputmode="numeric" size="5" value="{{within}}"{{#errors.within}} aria-invalid="true" aria-describedby="within-error"{{/errors.within}}>
          <button type="submit" id="within-submit">{{t.show}}</button>
        </form>
        {{#errors.within}}<p class="field-error" id="within-error">{{.}}</p>{{/errors.within}}
        {{^has_alerts}}<p id="no-powers">{{t.poa_none}}</p>{{/has_alerts}}
        {{#has_alerts}}
        <table id="powers">
          <caption class="visually-hidden">{{t.poa_title}}</caption>
          <thead><tr><th scope="col">{{t.poa_case}}</th><th scope="col">{{t.poa_person}}</th><th scope="col">{{t.region}}</th><th scope="col">{{t.poa_document}}</th><th scope="col">{{t.poa_expiry}}</th><th scope="col">{{t.status}}</th></tr></thead>
          <tbody>
          {{#alerts}}<tr id="power-{{case}}" class="{{#expired}}expired{{/expired}}"><td><a href="/registry/cases/{{case}}" id="case-{{case}}">{{t.poa_case}} {{case}}</a></td><td>{{name}}</td><td>{{region}}</td><td>{{designation}}</td><td>{{expiry}}</td><td>{{status}}</td></tr>{{/alerts}}
          </tbody>
        </table>
        {{/has_alerts}}
        {{/body}}{{/layout}}
        """

    static let users = """
        {{<layout}}{{$body}}
        <h1>{{t.users_title}}</h1>
        <p>{{t.users_intro}}{{#is_admin_page}} {{t.users_admin_hint}}{{/is_admin_page}}</p>
        {{#secret}}<p class="secret">{{t.one_time_password}} <code id="secret">{{secret}}</code></p>{{/secret}}
        <table id="accounts">
          <caption class="visually-hidden">{{t.users_title}}</caption>
          <thead><tr><th scope="col">{{t.name}}</th><th scope="col">{{t.email}}</th><th scope="col">{{t.role}}</th><th scope="col">{{t.region}}</th><th scope="col">{{t.users_collaborator}}</th><th scope="col">{{t.status}}</th><th scope="col">{{t.last_used}}</th><th scope="col">{{t.actions}}</th></tr></thead>
          <tbody>
          {{#accounts}}<tr id="account-{{id}}"><td>{{name}}</td><td>{{email}}</td><td>{{role}}</td><td>{{region}}</td><td>{{collaborator}}</td><td class="status">{{status}}</td><td>{{last_used}}</td>
            <td class="actions">{{#manageable}}
              {{#active}}<form method="post" action="/registry/users/{{id}}/disable" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button class="small" id="disable-{{id}}">{{t.disable}}<span class="visually-hidden"> {{name}}</span></button></form>{{/active}}
              <form method="post" action="/registry/users/{{id}}/renew" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button class="small" id="renew-{{id}}">{{t.renew}}<span class="visually-hidden"> {{name}}</span></button></form>
            {{/manageable}}</td>
          </tr>{{/accounts}}
          </tbody>
        </table>
        <h2>{{t.add_account}}</h2>
        <form method="post" action="/registry/users" class="card" id="user-form" novalidate>
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label for="u-name">{{t.name}}</label>
          <input id="u-name" name="name" maxlength="120" autocomplete="off" value="{{form.name}}"{{#errors.name}} aria-invalid="true" aria-describedby="u-name-error"{{/errors.name}}>
          {{#errors.name}}<p class="field-error" id="u-name-error">{{.}}</p>{{/errors.name}}
          <label for="u-email">{{t.email}}</label>
          <input id="u-email" name="email" type="email" autocomplete="off" value="{{form.email}}"{{#errors.email}} aria-invalid="true" aria-describedby="u-email-error"{{/errors.email}}>
          {{#errors.email}}<p class="field-error" id="u-email-error">{{.}}</p>{{/errors.email}}
          <label for="u-role">{{t.role}}</label>
          <select id="u-role" name="role"{{#errors.role}} aria-invalid="true" aria-describedby="u-role-error"{{/errors.role}}>{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select>
          {{#errors.role}}<p class="field-error" id="u-role-error">{{.}}</p>{{/errors.role}}
          <label for="u-region">{{t.region}}</label>
          <select id="u-region" name="region"{{#errors.region}} aria-invalid="true" aria-describedby="u-region-error"{{/errors.region}}><option value="">{{t.region_none}}</option>{{#regions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/regions}}</select>
          {{#errors.region}}<p class="field-error" id="u-region-error">{{.}}</p>{{/errors.region}}
          <label for="u-collaborator">{{t.users_collaborator}}</label>
          <select id="u-collaborator" name="collaborator"{{#errors.collaborator}} aria-invalid="true" aria-describedby="u-collaborator-error"{{/errors.collaborator}}><option value="">{{t.users_no_collaborator}}</option>{{#collaborators}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/collaborators}}</select>
          {{#errors.collaborator}}<p class="field-error" id="u-collaborator-error">{{.}}</p>{{/errors.collaborator}}
          <label for="u-language">{{t.language}}</label>
          <select id="u-language" name="language"{{#errors.language}} aria-invalid="true" aria-describedby="u-language-error"{{/errors.language}}>{{#languages}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/languages}}</select>
          {{#errors.language}}<p class="field-error" id="u-language-error">{{.}}</p>{{/errors.language}}
          <button type="submit" id="user-submit">{{t.create}}</button>
        </form>
        {{/body}}{{/layout}}
        """
}
