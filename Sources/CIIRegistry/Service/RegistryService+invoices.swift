import CIICore

extension RegistryService {
    /// The medical mandates of `year` summed per announcing dispositif (bureau), cancelled cases
    /// included: the SMR's costs were incurred.
    public func medicalInvoices(year: Int, by actor: RegistryActor) async throws(RegistryError) -> MedicalInvoiceSummary {
        guard RegistryAccess.allows(.invoices, actor) else { throw RegistryError(.forbidden, "only the bureau reads the invoices") }
        let periods = try await run {
            try await store.read { reader in
                var periods = [CasePeriod]()
                for id in try await reader.casesWithMedicalMandate() {
                    if let period = try await reader.casePeriod(id: id) { periods.append(period) }
                }
                return periods
            }
        }
        return MedicalInvoiceSummary(year: year, periods: periods)
    }
}
