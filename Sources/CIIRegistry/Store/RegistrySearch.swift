public import CIICore

/// Search criteria: any combination; every criterion given must hold. Names match by prefix,
/// without case or accents; the AVS number exactly (through the keyed index).
public struct RegistrySearch: Sendable, Hashable {
    /// The largest page.
    public static let maximumPageSize = 200

    /// The AVS number.
    public var avs: AVSNumber?
    /// A prefix of the surname.
    public var surname: String?
    /// A prefix of the first name.
    public var firstName: String?
    /// The birth date.
    public var birthDate: Day?
    /// The region.
    public var region: Region?
    /// The announcing dispositif.
    public var dispositif: Dispositif?
    /// A service the case had.
    public var serviceType: ServiceType?
    /// The status; without it, open and closed cases (never cancelled ones).
    public var status: CaseStatus?
    /// When the case was announced.
    public var announcedOn: DayRange?
    /// When the CII opened it.
    public var openedOn: DayRange?
    /// When the CII closed it.
    public var closedOn: DayRange?
    /// The order.
    public var sort: RegistrySort
    /// Descending order.
    public var descending: Bool
    /// The page, from 0.
    public var page: Int
    /// Results per page (1…``maximumPageSize``).
    public var pageSize: Int

    /// Creates criteria.
    public init(
        avs: AVSNumber? = nil,
        surname: String? = nil,
        firstName: String? = nil,
        birthDate: Day? = nil,
        region: Region? = nil,
        dispositif: Dispositif? = nil,
        serviceType: ServiceType? = nil,
        status: CaseStatus? = nil,
        announcedOn: DayRange? = nil,
        openedOn: DayRange? = nil,
        closedOn: DayRange? = nil,
        sort: RegistrySort = .name,
        descending: Bool = false,
        page: Int = 0,
        pageSize: Int = 50
    ) {
        self.avs = avs
        self.surname = surname
        self.firstName = firstName
        self.birthDate = birthDate
        self.region = region
        self.dispositif = dispositif
        self.serviceType = serviceType
        self.status = status
        self.announcedOn = announcedOn
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.sort = sort
        self.descending = descending
        self.page = page
        self.pageSize = pageSize
    }

    /// The criteria for the audit log: the AVS number masked.
    public var auditDescription: String {
        var parts = [String]()
        if let avs { parts.append("avs=\(avs.masked)") }
        if let surname { parts.append("surname=\(surname)") }
        if let firstName { parts.append("firstName=\(firstName)") }
        if let birthDate { parts.append("birthDate=\(birthDate.iso)") }
        if let region { parts.append("region=\(region.rawValue)") }
        if let dispositif { parts.append("dispositif=\(dispositif.rawValue)") }
        if let serviceType { parts.append("service=\(serviceType.rawValue)") }
        if let status { parts.append("status=\(status.rawValue)") }
        for (name, range) in [("announced", announcedOn), ("opened", openedOn), ("closed", closedOn)] {
            if let range { parts.append("\(name)=\(range.from?.iso ?? "")..\(range.to?.iso ?? "")") }
        }
        return parts.joined(separator: " ")
    }
}
