public import CIICore

extension CasePeriod {
    /// The expiry of the case's latest power of attorney (the one that counts), if it has any.
    public var latestPowerOfAttorneyExpiry: Day? {
        documents.compactMap { $0.powerOfAttorney?.expiry }.max()
    }

    /// Where the case's power of attorney stands on `day`; `nil` without one.
    public func powerOfAttorneyStatus(on day: Day) -> PowerOfAttorneyStatus? {
        documents.compactMap(\.powerOfAttorney).filter { $0.expiry != nil }.max { $0.expiry! < $1.expiry! }?.status(on: day)
    }
}
