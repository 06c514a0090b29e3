import CIICore

extension RegistryService {
    /// The trainings and regional days held in `year`, by date (bureau).
    /// - Throws: `.forbidden` for any other role.
    public func trainings(year: Int, by actor: RegistryActor) async throws(RegistryError) -> [Training] {
        guard RegistryAccess.allows(.manageTrainings, actor) else { throw RegistryError(.forbidden, "only the bureau records the trainings") }
        guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else {
            throw RegistryError.invalid([
                RegistryProblem(
                    field: "year",
                    code: .outOfRange,
                    message: LocalizedText(fr: "Année invalide.", de: "Ungültiges Jahr.", en: "Invalid year.")
                )
            ])
        }
        return try await run { try await store.read { try await $0.trainings(from: first, to: last) } }
    }

    /// Records (id 0) or corrects a training or regional day (bureau); returns it with its id.
    /// - Throws: `.forbidden` for any other role, `.invalid` with every problem, `.notFound` for
    ///   an id that is not stored.
    public func saveTraining(_ training: Training, by actor: RegistryActor) async throws(RegistryError) -> Training {
        guard RegistryAccess.allows(.manageTrainings, actor) else { throw RegistryError(.forbidden, "only the bureau records the trainings") }
        var validation = Validation(context: ValidationContext(today: Day(now()), documentCodes: [], collaboratorIDs: []))
        training.validate(into: &validation)
        try validation.check()
        var saved = training
        saved.id = try await run { try await store.transaction { try await $0.saveTraining(training) } }
        return saved
    }
}
