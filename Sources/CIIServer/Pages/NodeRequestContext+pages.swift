import CIIAccess
import Hummingbird

extension NodeRequestContext {
    /// The session that ``SignedInMiddleware`` let through.
    /// - Throws: a 401 when the route was added outside a signed-in group (a programming error).
    func signedIn() throws -> Session {
        guard case .session(let session) = identity else { throw HTTPError(.unauthorized) }
        return session
    }

    /// The form that ``CheckedFormMiddleware`` read and checked.
    /// - Throws: a 403 when the route was added outside the pages' group (a programming error).
    func checkedForm() throws -> FormData {
        guard let form else { throw HTTPError(.forbidden) }
        return form
    }
}
