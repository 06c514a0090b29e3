import CIICore
import HTTPTypes
import Hummingbird

/// Answers what no registry route answers, in the registry's error shape: a path under
/// `/api/v1/registry/` that is no route is a 404 (`request.not_found`); a route's path with a
/// method it does not take is a 405 (`request.method_not_allowed`) with `Allow`. Added to the
/// router after every route, so it wraps only the router's not-found answer.
struct RegistryFallbackMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    /// The registry's routes: the method and the path's components (`{id}` matches any one).
    let routes: [(method: HTTPRequest.Method, components: [Substring])]

    /// The fallback for the registry routes among `routes`.
    init(routes: [(method: HTTPRequest.Method, path: String)]) {
        self.routes = routes.filter { Self.isRegistry($0.path) }.map { ($0.method, $0.path.split(separator: "/")) }
    }

    static func isRegistry(_ path: String) -> Bool { path == "/api/v1/registry" || path.hasPrefix("/api/v1/registry/") }

    func handle(
        _ request: Request,
        context: NodeRequestContext,
        next: (Request, NodeRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && Self.isRegistry(request.uri.path) {
            let components = request.uri.path.split(separator: "/")
            let allowed = Set(routes.filter { Self.matches($0.components, components) }.map(\.method.rawValue)).sorted()
            let answer = allowed.isEmpty ? Self.notFound : Self.methodNotAllowed(allowed)
            return try await SecurityHeadersMiddleware<NodeRequestContext>().handle(request, context: context) { request, context in
                try answer.response(from: request, context: context)
            }
        }
    }

    static func matches(_ template: [Substring], _ path: [Substring]) -> Bool {
        template.count == path.count && zip(template, path).allSatisfy { $0.first == "{" || $0 == $1 }
    }

    /// 404 for a path that is no route of the API.
    static var notFound: RegistryAPIError {
        RegistryAPIError(
            .notFound,
            code: "request.not_found",
            LocalizedText(
                fr: "Cette adresse n'existe pas dans l'API du registre (voir docs/registry-openapi.yaml).",
                de: "Diese Adresse gibt es in der API des Registers nicht (siehe docs/registry-openapi.yaml).",
                en: "There is no such address in the registry's API (see docs/registry-openapi.yaml)."
            )
        )
    }

    /// 405 for a route's path with a method it does not take.
    static func methodNotAllowed(_ allowed: [String]) -> RegistryAPIError {
        let list = allowed.joined(separator: ", ")
        var error = RegistryAPIError(
            .methodNotAllowed,
            code: "request.method_not_allowed",
            LocalizedText(
                fr: "Cette adresse ne prend pas cette méthode ; elle prend : \(list).",
                de: "Diese Adresse nimmt diese Methode nicht an; sie nimmt: \(list).",
                en: "This address does not take this method; it takes: \(list)."
            )
        )
        error.allow = list
        return error
    }
}
