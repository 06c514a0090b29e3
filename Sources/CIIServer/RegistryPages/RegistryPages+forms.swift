import Hummingbird

extension RegistryPages {
    /// An edit page of the bureau's lists: `template` titled by the text `titleKey`, with the
    /// summary of `errors` on top when there are any.
    func editPage(
        _ template: String,
        titleKey: String,
        _ data: [String: Any],
        errors: BureauFormErrors,
        state: PageState,
        status: HTTPResponse.Status
    ) -> Response {
        pages.renderer.render(
            template,
            title: pages.text(titleKey, state),
            data,
            state: state,
            error: errors.isEmpty ? nil : errors.summary,
            status: status
        )
    }

    /// The 404 page of an item of a list that does not exist: the text `textKey` and a way back.
    func notFound(_ textKey: String, back: String, state: PageState) -> Response {
        pages.renderer.message(pages.text("error_title", state), pages.text(textKey, state), back: back, state: state, status: .notFound)
    }
}
