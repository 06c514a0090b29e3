import CIICore
import CIIRegistry
import Hummingbird
import Logging

/// Turns every error under `/api/v1/registry/` into a response in the API's one error shape: the service's
/// refusals, and Hummingbird's own (a body too large, a malformed request).
struct RegistryErrorMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    func handle(
        _ request: Request,
        context: NodeRequestContext,
        next: (Request, NodeRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as RegistryAPIError {
            return try error.response(from: request, context: context)
        } catch let error as RegistryError {
            if error.kind == .unavailable { context.logger.error("registry: \(error.reason)") }
            return try RegistryAPIError.of(error).response(from: request, context: context)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return try RegistryAPIError.tooLarge.response(from: request, context: context)
        } catch let error as HTTPError {
            let refused = RegistryAPIError(
                error.status,
                code: "request.refused",
                LocalizedText(
                    fr: "La requête n'a pas pu être traitée (\(error.status.code)).",
                    de: "Die Anfrage konnte nicht verarbeitet werden (\(error.status.code)).",
                    en: "The request could not be handled (\(error.status.code))."
                )
            )
            return try refused.response(from: request, context: context)
        }
    }
}
