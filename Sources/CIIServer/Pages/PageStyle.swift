/// The style sheet of the pages (`GET /static/ciid.css`): plain, legible, printable, no scripts.
enum PageStyle {
    static let css = """
        :root { --ink: #1d2733; --muted: #5a6675; --line: #d5dbe3; --accent: #b3001b; --ok: #1f6f43; --warn: #8a5a00; --bg: #f6f7f9; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
        header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem 1rem; padding: .75rem 1.5rem; background: #fff; border-bottom: 3px solid var(--accent); }
        header nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
        header a, button.link { color: var(--ink); text-decoration: none; background: none; border: 0; padding: 0; font: inherit; cursor: pointer; }
        header a:hover, button.link:hover { text-decoration: underline; }
        .node { color: var(--muted); font-size: .9em; }
        .badge { background: var(--accent); color: #fff; border-radius: 1em; padding: 0 .5em; font-size: .8em; }
        main { max-width: 60rem; margin: 1.5rem auto; padding: 0 1.5rem; }
        footer { max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; color: var(--muted); font-size: .85em; }
        h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
        h2 { font-size: 1.15rem; margin: 1.25rem 0 .5rem; }
        form.card { display: grid; gap: .4rem; max-width: 28rem; background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.25rem; }
        form.inline { display: inline; }
        label { font-weight: 600; margin-top: .25rem; }
        label.check { font-weight: normal; }
        input, select { font: inherit; padding: .45rem .6rem; border: 1px solid #9aa5b4; border-radius: .35rem; }
        #avs { font-size: 1.3rem; letter-spacing: .05em; }
        button { font: inherit; padding: .45rem 1rem; border-radius: .35rem; border: 1px solid var(--ink); background: var(--ink); color: #fff; cursor: pointer; }
        a.button { display: inline-block; padding: .45rem 1rem; border-radius: .35rem; border: 1px solid var(--ink); background: var(--ink); color: #fff; text-decoration: none; }
        button.small { padding: .15rem .5rem; font-size: .85em; }
        small, .quiet { color: var(--muted); }
        .notice { background: #eaf4ee; border-left: 4px solid var(--ok); padding: .5rem .75rem; }
        .error { background: #fbeaec; border-left: 4px solid var(--accent); padding: .5rem .75rem; }
        .secret { background: #fff7e0; border-left: 4px solid var(--warn); padding: .5rem .75rem; }
        .result { margin-top: 1.25rem; padding: .75rem 1rem; border-radius: .5rem; background: #fff; border: 1px solid var(--line); }
        .result.known { border-left: 6px solid var(--accent); }
        .result.unknown { border-left: 6px solid var(--ok); }
        .result.limited { border-left: 6px solid var(--warn); }
        .next { margin-top: 1rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        tr.unread td { font-weight: 600; }
        .row { display: flex; gap: 1rem; align-items: center; margin-top: .75rem; }
        code { background: #eef1f5; padding: .1rem .3rem; border-radius: .25rem; }
        .qr { margin: 1rem 0; } .qr svg { max-width: 100%; height: auto; border: 1px solid var(--line); }
        header nav { margin-left: auto; justify-content: flex-end; } /* the language switch, its last item, stays at the top right */
        \(cases)
        """

    /// The registry's case pages: tabs, forms with their problems, the printable summary.
    static let cases = """
        nav.tabs ul { display: flex; flex-wrap: wrap; gap: .25rem; list-style: none; margin: 1rem 0; padding: 0; border-bottom: 2px solid var(--line); }
        nav.tabs a { display: block; padding: .4rem .75rem; color: var(--ink); text-decoration: none; border: 1px solid var(--line); border-bottom: 0; border-radius: .35rem .35rem 0 0; background: #fff; }
        nav.tabs a[aria-current="page"] { background: var(--ink); color: #fff; font-weight: 600; }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
        form.case-form, form.search { display: grid; gap: .5rem; max-width: 40rem; background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.25rem; }
        .field { display: grid; gap: .2rem; }
        .field.invalid input, .field.invalid select, .field.invalid textarea { border: 2px solid var(--accent); }
        .field-error { color: var(--accent); font-weight: 600; margin: 0 0 .25rem; }
        [aria-invalid="true"] { border: 2px solid var(--accent); }
        textarea { font: inherit; padding: .45rem .6rem; border: 1px solid #9aa5b4; border-radius: .35rem; width: 100%; }
        fieldset { border: 1px solid var(--line); border-radius: .35rem; padding: .5rem .75rem; margin: 0; display: grid; gap: .35rem; }
        legend { font-weight: 600; padding: 0 .25rem; }
        .expired, tr.expired td { color: var(--accent); }
        main a { color: #0b5cad; }
        dl.fields { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .25rem 1rem; background: #fff; padding: .75rem 1rem; border: 1px solid var(--line); border-radius: .5rem; }
        dl.fields dt { font-weight: 600; } dl.fields dd { margin: 0; white-space: pre-wrap; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        .pager { display: flex; gap: 1rem; align-items: center; margin-top: 1rem; }
        @media print {
          header, footer, nav, form, button, .notice, .no-print, .case-actions, #notice, #error { display: none !important; }
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; margin: 0; padding: 0; }
          section.summary-tab { break-inside: avoid-page; page-break-inside: avoid; margin-bottom: 1rem; }
          h1, h2 { break-after: avoid-page; page-break-after: avoid; }
          table, dl.fields { border: 1px solid #000; } tr { break-inside: avoid; page-break-inside: avoid; }
          a { color: #000; text-decoration: none; }
          th, td { border-bottom: 1px solid #999; }
        }
        """
}
