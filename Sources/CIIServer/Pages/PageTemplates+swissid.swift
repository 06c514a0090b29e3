extension PageTemplates {
    /// After a SwissID login: the session's cookie is set, and the page moves on to `next` by
    /// itself (a navigation of this site, which carries the `SameSite=Strict` cookie), with a link
    /// for a browser that does not follow `refresh`.
    static let swissIDDone = """
        {{<layout}}{{$body}}
        <meta http-equiv="refresh" content="0;url={{next}}">
        <h1>{{t.swissid_done_title}}</h1>
        <p id="message"><a href="{{next}}" id="continue">{{t.swissid_continue}}</a></p>
        {{/body}}{{/layout}}
        """
}
