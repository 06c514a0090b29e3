public import CIICore

extension RegistryService {
    /// The open cases whose latest power of attorney has expired or expires within `within` days
    /// of `day` (30 by default; bureau): what the weekly digest and `ciid registry` list.
    public func powersOfAttorney(
        on day: Day,
        within: Int = PowerOfAttorney.warningDays,
        by actor: RegistryActor
    ) async throws(RegistryError) -> [PowerOfAttorneyAlert] {
        guard RegistryAccess.allows(.listPowersOfAttorney, actor) else {
            throw RegistryError(.forbidden, "only the bureau lists powers of attorney")
        }
        let periods = try await run {
            try await store.read { reader in
                var periods = [CasePeriod]()
                for id in try await reader.casesWithPowerOfAttorney(expiringBy: day.adding(days: within)) {
                    if let period = try await reader.casePeriod(id: id) { periods.append(period) }
                }
                return periods
            }
        }
        let limit = day.adding(days: within)
        return periods.compactMap { period in
            let latest = period.documents.filter { $0.powerOfAttorney?.expiry != nil }.max {
                $0.powerOfAttorney!.expiry! < $1.powerOfAttorney!.expiry!
            }
            guard let latest, let expiry = latest.powerOfAttorney?.expiry, expiry <= limit else { return nil }
            return PowerOfAttorneyAlert(
                caseID: period.id,
                surname: period.person.surname,
                firstName: period.person.firstName,
                region: period.announcement.region,
                expiry: expiry,
                status: expiry < day ? .expired : .expiresSoon,
                designation: latest.designation
            )
        }
    }
}
