import CIIAccess
import CIICore
import Foundation
import Hummingbird
import Sodium

/// What a page needs to know about the request: the language, the session (if logged in) and
/// the anti-forgery token its forms carry.
struct PageState: Sendable {
    /// The cookie with the anti-forgery token of forms shown before login.
    static let csrfCookie = "__Host-ciid-csrf"
    /// The cookie remembering the language chosen before login.
    static let languageCookie = "ciid-lang"

    let language: Language
    let session: Session?
    /// The token forms carry: the session's, or the pre-login cookie's.
    let csrf: String
    /// Whether the pre-login token is new and must be set as a cookie.
    let newCSRFCookie: Bool
    let path: String

    /// The state of a page shown after a change (a new language, a changed account).
    init(language: Language, session: Session?, csrf: String, path: String) {
        self.language = language
        self.session = session
        self.csrf = csrf
        self.newCSRFCookie = false
        self.path = path
    }

    init(request: Request, context: NodeRequestContext) {
        if case .session(let session) = context.identity {
            self.session = session
            self.language = session.account.language
            self.csrf = session.csrf
            self.newCSRFCookie = false
        } else {
            self.session = nil
            let chosen = request.cookies[Self.languageCookie].flatMap { Language(rawValue: $0.value) }
            var language = chosen ?? Language(acceptLanguage: request.headers[.acceptLanguage])
            if language == .en { language = .fr }
            self.language = language
            if let existing = request.cookies[Self.csrfCookie]?.value, existing.count >= 40, existing.count < 100 {
                self.csrf = existing
                self.newCSRFCookie = false
            } else {
                self.csrf = Sodium.randomToken()
                self.newCSRFCookie = true
            }
        }
        self.path = request.uri.path
    }

    /// Whether a submitted form carries this request's anti-forgery token and comes from this site.
    func accepts(_ form: FormData, request: Request) -> Bool {
        if let origin = request.headers[.origin] {
            guard let host = request.head.authority, origin == "https://\(host)" || origin == "http://\(host)" else { return false }
        }
        guard let presented = form["csrf"], !csrf.isEmpty else { return false }
        return Sodium.constantTimeEqual(Array(presented.utf8), Array(csrf.utf8))
    }
}
