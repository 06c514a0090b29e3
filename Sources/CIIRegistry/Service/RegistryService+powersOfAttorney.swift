public import CIICore

extension RegistryService {
    /// The open cases whose latest power of attorney has expired or expires within 30 days of
    /// `day` (bureau): what the weekly digest and `ciid registry` list.
    public func powersOfAttorney(on day: Day, by actor: RegistryActor) async throws(RegistryError) -> [PowerOfAttorneyAlert] {
        guard RegistryAccess.allows(.listPowersOfAttorney, actor) else {
            throw RegistryError(.forbidden, "only the bureau lists powers of attorney")
        }
        let periods = try await run {
            try await store.read { reader in
                var periods = [CasePeriod]()
                for id in try await reader.casesWithPowerOfAttorney(expiringBy: day.adding(days: PowerOfAttorney.warningDays)) {
                    if let period = try await reader.casePeriod(id: id) { periods.append(period) }
                }
                return periods
            }
        }
        return periods.compactMap { period in
            guard let expiry = period.latestPowerOfAttorneyExpiry, let status = period.powerOfAttorneyStatus(on: day), status != .valid else {
                return nil
            }
            return PowerOfAttorneyAlert(
                caseID: period.id,
                surname: period.person.surname,
                firstName: period.person.firstName,
                region: period.announcement.region,
                expiry: expiry,
                status: status
            )
        }
    }
}
