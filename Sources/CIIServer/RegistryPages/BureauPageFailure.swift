import CIICore
import CIIRegistry
import Hummingbird

/// The page for a failure of a bureau page that is not a problem of a form field: the audit log
/// that cannot be written (503, nothing shown or changed), a refusal of the registry, or storage.
enum BureauPageFailure {
    /// The message page for `error`, with a link back to `back`.
    static func response(
        _ error: any Error,
        registry: RegistryPages,
        state: PageState,
        context: NodeRequestContext,
        back: String
    ) -> Response {
        let pages = registry.pages
        let title = pages.text("error_title", state)
        switch error {
        case let error as RegistryAPIError:
            var response = pages.renderer.message(
                title,
                error.problems.first?.message(state.language) ?? pages.text("unavailable", state),
                back: back,
                state: state,
                status: error.status
            )
            if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        case let error as RegistryError where error.kind == .forbidden:
            return pages.renderer.message(title, pages.text("forbidden", state), back: pages.renderer.home, state: state, status: .forbidden)
        case let error as RegistryError where error.kind == .notFound:
            return pages.renderer.message(title, pages.text("not_found", state), back: back, state: state, status: .notFound)
        default:
            return pages.unavailable(error, state: state, context: context)
        }
    }
}
