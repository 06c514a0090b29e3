/// The Mustache templates of the caseworkers' pages. They are compiled into the binary so that a
/// node is one file to install; texts come from ``PageText`` as `{{t.key}}`.
enum PageTemplates {
    /// Every template: the caseworkers' pages', the case pages' and the bureau's pages'.
    static let all: [String: String] = caseworkerTemplates.merging(CasePageTemplates.all) { own, _ in own }
        .merging(BureauPageTemplates.all) { own, _ in own }

    static let caseworkerTemplates: [String: String] = [
        "layout": layout, "login": login, "code": code, "password": password, "check": check, "alerts": alerts,
        "account": account, "totp": totp, "admin": admin, "message": message, "report": report, "case_history": caseHistory,
        "swissid_done": swissIDDone,
    ]

    static let layout = """
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · {{t.app}}</title>
        <link rel="stylesheet" href="/static/ciid.css">
        </head>
        <body>
        <header>
          <div class="brand"><strong>{{t.app}}</strong> <span class="node" id="node">{{node}}</span></div>
          <nav>
            {{#user}}
            {{#dispositif_node}}
            <a href="/check" id="nav-check">{{t.nav_check}}</a>
            <a href="/alerts" id="nav-alerts">{{t.nav_alerts}}{{#unread}} <span class="badge" id="unread">{{unread}}</span>{{/unread}}</a>
            {{/dispositif_node}}
            {{#coordinator_node}}
            {{#reads_cases}}<a href="/registry/cases" id="nav-cases">{{t.nav_cases}}</a>
            <a href="/registry/search" id="nav-search">{{t.nav_search}}</a>{{/reads_cases}}
            {{#creates_cases}}<a href="/registry/cases/new" id="nav-new-case">{{t.nav_new_case}}</a>{{/creates_cases}}
            {{#is_bureau}}<a href="/registry/powers-of-attorney" id="nav-poa">{{t.nav_poa}}</a>
            <a href="/registry/trainings" id="nav-trainings">{{t.nav_trainings}}</a>
            <a href="/registry/report" id="nav-report">{{t.nav_report}}</a>{{/is_bureau}}
            {{#keeps_lists}}<a href="/registry/directory" id="nav-directory">{{t.nav_directory}}</a>
            <a href="/registry/code-lists" id="nav-code-lists">{{t.nav_code_lists}}</a>
            <a href="/registry/users" id="nav-users">{{t.nav_users}}</a>{{/keeps_lists}}
            {{/coordinator_node}}
            {{#is_admin}}<a href="/admin" id="nav-admin">{{t.nav_admin}}</a>{{/is_admin}}
            <a href="/account" id="nav-account">{{t.nav_account}}</a>
            <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button id="logout" class="link">{{t.logout}}</button></form>
            {{/user}}
            <form method="post" action="/language" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="to" value="{{other_lang}}"><input type="hidden" name="back" value="{{path}}"><button id="language-switch" class="link" lang="{{other_lang}}" title="{{t.switch_language_title}}">{{t.switch_language}}</button></form>
          </nav>
        </header>
        <main>
        {{#notice}}<p class="notice" id="notice" role="status">{{notice}}</p>{{/notice}}
        {{#error}}<p class="error" id="error" role="alert">{{error}}</p>{{/error}}
        {{$body}}{{/body}}
        </main>
        <footer>{{t.footer}}</footer>
        </body>
        </html>
        """

    static let login = """
        {{<layout}}{{$body}}
        <h1>{{t.login_title}}</h1>
        <p>{{t.login_intro}}</p>
        <form method="post" action="/login" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label for="email">{{t.email}}</label>
          <input id="email" name="email" type="email" autocomplete="username" required value="{{email}}">
          <label for="password">{{t.password}}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
          <button type="submit" id="login-submit">{{t.login_submit}}</button>
        </form>
        {{#swissid}}
        <section class="card" id="swissid">
          <p>{{t.swissid_intro}}</p>
          <p><a href="/login/swissid" class="button" id="swissid-login">{{t.swissid_button}}</a></p>
        </section>
        {{/swissid}}
        {{/body}}{{/layout}}
        """

    static let code = """
        {{<layout}}{{$body}}
        <h1>{{t.code_title}}</h1>
        {{#by_email}}<p>{{t.code_sent}} <strong id="masked-email">{{masked_email}}</strong>. {{t.code_valid}}</p>{{/by_email}}
        {{#by_totp}}<p>{{t.code_totp}}</p>{{/by_totp}}
        <form method="post" action="/login/code" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label for="code">{{t.code}}</label>
          <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" maxlength="7" required autofocus>
          <button type="submit" id="code-submit">{{t.code_submit}}</button>
        </form>
        <div class="row">
        {{#by_email}}<form method="post" action="/login/resend" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button id="code-resend" class="link">{{t.code_resend}}</button></form>{{/by_email}}
        <a href="/login" id="code-restart">{{t.code_restart}}</a>
        </div>
        {{/body}}{{/layout}}
        """

    static let password = """
        {{<layout}}{{$body}}
        <h1>{{t.password_title}}</h1>
        {{#forced}}<p class="notice">{{t.password_forced}}</p>{{/forced}}
        <p>{{t.password_rules}}</p>
        <form method="post" action="/account/password" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          {{^forced}}<label for="current">{{t.password_current}}</label>
          <input id="current" name="current" type="password" autocomplete="current-password" required>{{/forced}}
          <label for="new">{{t.password_new}}</label>
          <input id="new" name="new" type="password" autocomplete="new-password" minlength="12" required>
          <label for="confirm">{{t.password_confirm}}</label>
          <input id="confirm" name="confirm" type="password" autocomplete="new-password" minlength="12" required>
          <button type="submit" id="password-submit">{{t.password_submit}}</button>
        </form>
        {{/body}}{{/layout}}
        """

    static let check = """
        {{<layout}}{{$body}}
        <h1>{{t.check_title}}</h1>
        <p>{{t.check_intro}}</p>
        <form method="post" action="/check" class="card" autocomplete="off">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label for="avs">{{t.avs}}</label>
          <input id="avs" name="avs" inputmode="numeric" placeholder="756.____.____.__" required autofocus aria-describedby="avs-hint">
          <small id="avs-hint">{{t.avs_hint}}</small>
          <button type="submit" id="check-submit">{{t.check_submit}}</button>
        </form>
        {{#limit}}<section class="result limited" id="limit"><h2>{{t.limit_title}}</h2><p>{{limit}}</p></section>{{/limit}}
        {{#result}}
        {{#known}}<section class="result known" id="result" data-outcome="known">
          <h2>{{t.known_title}}</h2>
          <p>{{t.known_intro}}</p>
          <ul id="matches">{{#matches}}<li><strong>{{code}}</strong> · {{name}} · {{t.last_followup}} {{month}}{{#directory}}
            <ul class="contacts">{{#contacts}}<li class="contact">{{t.contact}} {{person}} · {{region}} · <a href="tel:{{phone}}">{{phone}}</a> · <a href="mailto:{{email}}">{{email}}</a></li>{{/contacts}}{{#no_contact}}<li class="contact">{{t.no_contact}}</li>{{/no_contact}}</ul>{{/directory}}</li>{{/matches}}</ul>
        {{/known}}
        {{^known}}<section class="result unknown" id="result" data-outcome="unknown">
          <h2>{{t.unknown_title}}</h2>
          <p>{{t.unknown_text}}</p>
        {{/known}}
          {{#followed_here}}<p id="followed-here">{{t.followed_here}}</p>{{/followed_here}}
          <p id="window">{{t.window}} {{t.window_from}} {{window_from}} {{t.window_to}} {{window_to}} ({{window_years}} {{t.years}})</p>
        </section>
        <section class="next" id="next">
          <h2>{{t.next_title}}</h2>
          {{#known}}<ol><li>{{t.next_grid}}</li><li>{{t.next_attorney}}</li><li>{{t.next_contact}}</li></ol>{{/known}}
          {{^known}}<p>{{t.next_unknown}}</p>{{/known}}
        </section>
        {{/result}}
        <p class="quiet" id="checks-left">{{t.checks_left}} {{checks_left}}</p>
        {{/body}}{{/layout}}
        """

    static let alerts = """
        {{<layout}}{{$body}}
        <h1>{{t.alerts_title}}</h1>
        <p>{{t.alerts_intro}}</p>
        {{^alerts}}<p id="no-alerts">{{t.alerts_none}}</p>{{/alerts}}
        {{#has_alerts}}
        <table id="alerts">
          <thead><tr><th>{{t.alert_recorded}}</th><th>{{t.alert_dispositif}}</th><th>{{t.alert_their_last}}</th><th>{{t.alert_reference}}</th><th>{{t.alert_caseworker}}</th><th>{{t.alert_state}}</th></tr></thead>
          <tbody>
          {{#alerts}}<tr class="{{#unread}}unread{{/unread}}" id="alert-{{id}}">
            <td>{{recorded}}</td><td><strong>{{code}}</strong> · {{name}}</td><td>{{their_last}}</td><td>{{reference}}</td><td>{{caseworker}}</td>
            <td>{{#unread}}<form method="post" action="/alerts/{{id}}/read" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button class="small" id="read-{{id}}">{{t.alert_mark_read}}</button></form>{{/unread}}{{^unread}}{{t.alert_read}}{{/unread}}</td>
          </tr>{{/alerts}}
          </tbody>
        </table>
        {{/has_alerts}}
        {{#has_existing}}
        <h2>{{t.existing_title}}</h2>
        <p>{{t.existing_intro}}</p>
        <table id="existing">
          <thead><tr><th>{{t.existing_recorded}}</th><th>{{t.alert_dispositif}}</th><th>{{t.alert_their_last}}</th><th>{{t.alert_reference}}</th><th>{{t.alert_caseworker}}</th></tr></thead>
          <tbody>
          {{#existing}}<tr id="existing-{{id}}">
            <td>{{recorded}}</td><td><strong>{{code}}</strong> · {{name}}</td><td>{{their_last}}</td><td>{{reference}}</td><td>{{caseworker}}</td>
          </tr>{{/existing}}
          </tbody>
        </table>
        {{/has_existing}}
        {{/body}}{{/layout}}
        """

    static let account = """
        {{<layout}}{{$body}}
        <h1>{{t.account_title}}</h1>
        <p><strong>{{user.name}}</strong> · {{user.email}}</p>
        <form method="post" action="/account/settings" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label for="language">{{t.language}}</label>
          <select id="language" name="language">
            <option value="fr" {{#is_fr}}selected{{/is_fr}}>Français</option>
            <option value="de" {{#is_de}}selected{{/is_de}}>Deutsch</option>
          </select>
          <label class="check"><input type="checkbox" name="digest" id="digest" value="1" {{#wants_digest}}checked{{/wants_digest}}> {{t.digest}}</label>
          <button type="submit" id="settings-submit">{{t.save}}</button>
        </form>
        <h2>{{t.second_factor}}</h2>
        {{#uses_totp}}<p>{{t.factor_totp}}</p>
        <form method="post" action="/account/totp/remove" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button id="totp-remove">{{t.totp_remove}}</button></form>{{/uses_totp}}
        {{^uses_totp}}<p>{{t.factor_email}}</p>
        <form method="post" action="/account/totp/start" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button id="totp-start">{{t.totp_start}}</button></form>{{/uses_totp}}
        <h2>{{t.password}}</h2>
        <p><a href="/account/password" id="change-password">{{t.change_password}}</a></p>
        {{/body}}{{/layout}}
        """

    static let totp = """
        {{<layout}}{{$body}}
        <h1>{{t.totp_title}}</h1>
        <p>{{t.totp_instructions}}</p>
        {{#qr}}<figure id="totp-qr" class="qr">{{{qr}}}</figure>{{/qr}}
        <p>{{t.totp_key}} <code id="totp-key">{{key}}</code></p>
        <p><a href="{{url}}" id="totp-url">{{url}}</a></p>
        <form method="post" action="/account/totp/confirm" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <input type="hidden" name="secret" value="{{secret}}">
          <label for="code">{{t.code}}</label>
          <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
          <button type="submit" id="totp-confirm">{{t.totp_confirm}}</button>
        </form>
        {{/body}}{{/layout}}
        """

    static let admin = """
        {{<layout}}{{$body}}
        <h1>{{t.admin_title}}</h1>
        {{#secret}}<p class="secret">{{secret_label}} <code id="secret">{{secret}}</code></p>{{/secret}}
        <h2>{{t.accounts}}</h2>
        <table id="accounts">
          <thead><tr><th>{{t.name}}</th><th>{{t.email}}</th><th>{{t.role}}</th><th>{{t.language}}</th><th>{{#dispositif_node}}{{t.caseworker_id}}{{/dispositif_node}}{{#coordinator_node}}{{t.region}}{{/coordinator_node}}</th><th>{{t.status}}</th><th>{{t.last_used}}</th><th>{{t.actions}}</th></tr></thead>
          <tbody>
          {{#accounts}}<tr id="account-{{id}}">
            <td>{{name}}</td><td>{{email}}</td><td>{{role}}</td><td>{{language}}</td><td>{{caseworker}}{{region}}</td><td class="status">{{status}}</td><td>{{last_used}}</td>
            <td class="actions">
              {{#active}}<form method="post" action="/admin/accounts/{{id}}/disable" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button class="small" id="disable-{{id}}">{{t.disable}}</button></form>{{/active}}
              <form method="post" action="/admin/accounts/{{id}}/renew" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button class="small" id="renew-{{id}}">{{t.renew}}</button></form>
              <form method="post" action="/admin/accounts/{{id}}/reset" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button class="small" id="reset-{{id}}">{{t.reset}}</button> <label class="check"><input type="checkbox" name="totp" value="1"> {{t.reset_totp}}</label></form>
            </td>
          </tr>{{/accounts}}
          </tbody>
        </table>
        <h2>{{t.add_account}}</h2>
        <form method="post" action="/admin/accounts" class="card" id="add-account">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label for="new-name">{{t.name}}</label><input id="new-name" name="name" required maxlength="120">
          <label for="new-email">{{t.email}}</label><input id="new-email" name="email" type="email" required>
          <label for="new-role">{{t.role}}</label>
          <select id="new-role" name="role">{{#roles}}<option value="{{value}}">{{label}}</option>{{/roles}}</select>
          {{#coordinator_node}}
          <label for="new-region">{{t.region}}</label>
          <select id="new-region" name="region"><option value="">{{t.region_none}}</option>{{#regions}}<option value="{{value}}">{{label}}</option>{{/regions}}</select>
          {{/coordinator_node}}
          <label for="new-language">{{t.language}}</label>
          <select id="new-language" name="language"><option value="fr">Français</option><option value="de">Deutsch</option></select>
          {{#dispositif_node}}<label for="new-caseworker">{{t.caseworker_id}}</label><input id="new-caseworker" name="caseworker" maxlength="64">{{/dispositif_node}}
          <button type="submit" id="add-submit">{{t.create}}</button>
        </form>
        <h2>{{t.tokens}}</h2>
        <p>{{t.tokens_intro}}</p>
        <table id="tokens">
          <thead><tr><th>#</th><th>{{t.token_name}}</th><th>{{t.created}}</th><th>{{t.status}}</th><th>{{t.actions}}</th></tr></thead>
          <tbody>
          {{#tokens}}<tr id="token-{{id}}"><td>{{id}}</td><td>{{name}}</td><td>{{created}}</td><td>{{status}}</td>
            <td>{{#live}}<form method="post" action="/admin/tokens/{{id}}/revoke" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button class="small" id="revoke-{{id}}">{{t.revoke}}</button></form>{{/live}}</td></tr>{{/tokens}}
          </tbody>
        </table>
        <form method="post" action="/admin/tokens" class="card" id="add-token">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label for="token-name">{{t.token_name}}</label><input id="token-name" name="name" required maxlength="80">
          <button type="submit" id="token-submit">{{t.create}}</button>
        </form>
        {{/body}}{{/layout}}
        """

    static let message = """
        {{<layout}}{{$body}}
        <h1>{{heading}}</h1>
        <p id="message">{{text}}</p>
        <p><a href="{{back}}" id="back">←</a></p>
        {{/body}}{{/layout}}
        """
}
