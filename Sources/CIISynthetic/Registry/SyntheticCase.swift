public import CIICore
public import CIIRegistry

/// One synthetic case period: what creating it takes, and the tabs the coordinators and the
/// bureau fill in afterwards.
public struct SyntheticCase: Sendable {
    /// What ``RegistryService/createCase(_:by:)`` takes.
    public let newCase: NewCase
    /// Tab "Décision".
    public let decision: Decision
    /// Tab "Prestations".
    public let services: [CaseService]
    /// Tab "Journal de bord".
    public let logbook: [LogbookEntry]

    init(
        index: Int,
        dispositif: Dispositif,
        region: Region,
        youth: Bool,
        announced: Day,
        today: Day,
        respondent: Int64,
        random: inout SplitMix64
    ) {
        let avs = AVSNumber(completing: 756_999_900_000 + UInt64(index) * 97 % 100_000)
        let male = random.next() % 100 < 72
        let age = youth ? 16 + Int(random.next() % 9) : Self.adultAge(&random)
        let birth = Day(year: announced.components.year - age, month: 1 + Int(random.next() % 12), day: 1 + Int(random.next() % 28))!
        let educationDraw = random.next() % 100
        let education: EducationLevel = educationDraw < 60 ? .none : educationDraw < 95 ? .secondaryII : .tertiary
        let german = region == .hautValais
        let (first, last) = SyntheticNames.pick(&random, german: german, male: male)
        // 46 % announced within six months of the start of the follow-up.
        let followedDays = random.next() % 100 < 46 ? Int(random.next() % 180) : 183 + Int(random.next() % 900)
        let toBureau = min(today, announced.adding(days: Int(random.next() % 21)))
        let person = PersonDraft(
            avs: avs.formatted,
            surname: last,
            firstName: first,
            birthDate: birth,
            sex: male ? .male : .female,
            language: german ? .de : .fr,
            education: education
        )
        let announcement = Announcement(
            region: region,
            requestedService: youth ? .ciiJeunes : (random.next() % 2 == 0 ? .coachingORPCMS : .tro),
            announcedOn: announced,
            announcedToBureauOn: toBureau,
            followedSince: announced.adding(days: -followedDays),
            ageGroup: youth ? .youth : .adult,
            dispositif: dispositif
        )
        let situation = Situation(
            text: german ? "Synthetische Situation Nr. \(index + 1)." : "Situation synthétique n° \(index + 1).",
            riskFactors: Self.riskFactors(&random)
        )
        newCase = NewCase(
            person: person,
            announcement: announcement,
            situation: situation,
            collaborators: CaseCollaborators(announcing: CaseCollaborator(collaboratorID: respondent, function: .announcer))
        )
        let opened = min(today, toBureau.adding(days: 7 + Int(random.next() % 30)))
        var services: [CaseService] = []
        let start = min(today, opened.adding(days: Int(random.next() % 20)))
        // 2023: 26 TRO, 2 assessments, 38 coachings ORP-CMS, 2 CII jeunes, 2 CM CII for 72 adult cases.
        if youth {
            services.append(Self.service(.ciiJeunes, start, today, &random))
        } else {
            let draw = random.next() % 72
            if draw < 38 { services.append(Self.service(.coachingORPCMS, start, today, &random)) }
            if draw >= 36 && draw < 62 { services.append(Self.service(.tro, start, today, &random)) }
            if draw == 62 || draw == 63 { services.append(Self.service(.assessment, start, today, &random)) }
            if draw == 64 || draw == 65 { services.append(Self.service(.cmCII, start, today, &random)) }
        }
        services = services.filter { $0.start <= today }
        let closed = services.allSatisfy { $0.end != nil } && !services.isEmpty ? services.compactMap(\.end).max() : nil
        decision = Decision(openedOn: opened, closedOn: closed, dispositifInCharge: dispositif)
        self.services = services
        logbook = [
            LogbookEntry(
                date: opened,
                text: german ? "Erstes Netzwerkgespräch." : "Premier entretien de réseau.",
                partners: [respondent]
            )
        ]
    }

    /// An adult's age: 18 to 64, mean about 42.
    static func adultAge(_ random: inout SplitMix64) -> Int {
        let sum = (0..<3).reduce(0) { total, _ in total + Int(random.next() % 48) }
        return 18 + sum / 3 + (random.next() % 2 == 0 ? 0 : 1)
    }

    /// 1 to 7 risk factors, 4 on average, each as frequent as the others (the weights of version 1
    /// average 0.5, so that this gives the report's mean index of 2.0).
    static func riskFactors(_ random: inout SplitMix64) -> [RiskFactor] {
        let count = 1 + Int(random.next() % 4) + Int(random.next() % 4)
        var factors: Set<RiskFactor> = []
        let all = RiskFactor.allCases
        while factors.count < count { factors.insert(all[Int(random.next() % UInt64(all.count))]) }
        return factors.sorted()
    }

    /// A service started on `start`; closed after 60 to 300 days when that is before `today`,
    /// half of the closed coachings reintegrated.
    static func service(_ type: ServiceType, _ start: Day, _ today: Day, _ random: inout SplitMix64) -> CaseService {
        let end = start.adding(days: 60 + Int(random.next() % 240))
        guard end <= today else { return CaseService(type: type, start: start) }
        let status: ClosingStatus =
            switch random.next() % 10 {
            case 0..<5: .reintegrated
            case 5..<8: .notReintegrated
            case 8: .droppedOut
            default: .other
            }
        return CaseService(type: type, start: start, end: end, closingStatus: status)
    }
}
