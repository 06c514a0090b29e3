extension PageTemplates {
    /// The history of a case: a table of every change the reader may see, newest first.
    static let caseHistory = """
        {{<layout}}{{$body}}
        <h1 id="history-title">{{t.history_title}} {{case_id}}</h1>
        <p class="case-actions"><a href="/registry/cases/{{case_id}}" id="history-back">{{t.history_back}}</a></p>
        {{^has_entries}}<p id="history-none">{{t.history_none}}</p>{{/has_entries}}
        {{#has_entries}}
        <table id="history">
          <caption class="visually-hidden">{{t.history_title}} {{case_id}}</caption>
          <thead><tr><th scope="col">{{t.history_when}}</th><th scope="col">{{t.history_who}}</th><th scope="col">{{t.history_field}}</th><th scope="col">{{t.history_old}}</th><th scope="col">{{t.history_new}}</th></tr></thead>
          <tbody>
          {{#entries}}<tr><td>{{when}}</td><td>{{who}}</td><td><code>{{field}}</code></td><td>{{old}}</td><td>{{new}}</td></tr>{{/entries}}
          </tbody>
        </table>
        {{/has_entries}}
        {{/body}}{{/layout}}
        """
}
