import CIIAudit
import CIICore
import CIIRegistry
import Hummingbird

extension RegistryController {
    /// `GET /trainings?year=Y` (bureau): the trainings and regional days held in year `Y` (this
    /// year by default), by date.
    func trainings(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        var year = today().components.year
        if let text = request.uri.queryParameters["year"] {
            guard let given = Int(String(text)), (2000...2100).contains(given) else {
                throw RegistryAPIError.invalid(
                    "year",
                    "out_of_range",
                    LocalizedText(fr: "Année de 2000 à 2100.", de: "Jahr von 2000 bis 2100.", en: "A year from 2000 to 2100.")
                )
            }
            year = given
        }
        return try RegistryJSON.response(try await service.trainings(year: year, by: actor))
    }

    /// `POST /trainings` (new record, 201) and `PUT /trainings/{id}` (bureau).
    func saveTraining(_ request: Request, context: NodeRequestContext, id: Int64?) async throws -> Response {
        let actor = try Self.actor(context)
        let body = try await RegistryJSON.decode(TrainingBody.self, from: request)
        do {
            let saved = try await auditor.change(
                .registryChange,
                actor,
                subject: id.map { "training:\($0)" },
                [("operation", id == nil ? "add_training" : "change_training")]
            ) {
                try await service.saveTraining(body.training(id: id ?? 0), by: actor)
            }
            return try RegistryJSON.response(saved, status: id == nil ? .created : .ok)
        } catch let error as RegistryError where error.kind == .notFound {
            throw RegistryAPIError(
                .notFound,
                code: "training.not_found",
                LocalizedText(fr: "Aucune formation avec ce numéro.", de: "Keine Schulung mit dieser Nummer.", en: "No training with this number.")
            )
        }
    }
}
