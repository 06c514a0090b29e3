import CIICore
public import CIIRegistry

extension AnnualFigures {
    /// The figures of `year` from the registry's case periods (all those announced up to the end of
    /// the year, cancelled ones left out), its trainings of the year, and the replica's figures.
    ///
    /// - Situations, the table, the profile, gravity and early detection count the case periods
    ///   announced in the year.
    /// - Services count the people with a line of the service running at some time in the year
    ///   (started by 31 December, not ended before 1 January), whatever year the case was announced.
    /// - Reintegration counts the coaching ORP-CMS lines that ended in the year.
    public init(year: Int, cases: [ReportCase], trainings: [Training], simultaneous: SimultaneousFollowUp?) {
        let first = ReportCalendar.first(year) ?? Day(daysSince1970: 0)
        let last = ReportCalendar.last(year) ?? first
        let inYear = { (day: Day) in first <= day && day <= last }
        let announced = cases.filter { inYear($0.announcement.announcedOn) }

        let adults = announced.filter { $0.announcement.ageGroup == .adult }.count
        let situations = SituationCounts(total: announced.count, adults: adults, youth: announced.count - adults)

        let tables = AgeGroup.allCases.map { group in Self.table(group, announced.filter { $0.announcement.ageGroup == group }) }

        let services = ServiceType.allCases.map { type in
            ServiceCount(
                type: type,
                people: Set(
                    cases.filter { item in
                        item.services.contains { $0.type == type && $0.start <= last && ($0.end.map { $0 >= first } ?? true) }
                    }.map(\.personID)
                ).count
            )
        }

        let men = announced.filter { $0.sex == .male }.count
        let ages = announced.map { ReportCalendar.age(born: $0.birthDate, on: $0.announcement.announcedOn) }
        let profile = Profile(
            situations: announced.count,
            men: Rate(count: men, total: announced.count),
            women: Rate(count: announced.count - men, total: announced.count),
            meanAge: ages.isEmpty ? nil : Double(ages.reduce(0, +)) / Double(ages.count),
            education: EducationLevel.allCases.map { level in
                EducationShare(level: level, rate: Rate(count: announced.filter { $0.education == level }.count, total: announced.count))
            }
        )

        let indexes = announced.compactMap(\.gravity).map(\.hundredths)
        let factors = announced.map(\.riskFactors)
        let gravity = GravityFigures(
            scored: indexes.count,
            meanIndex: indexes.isEmpty ? nil : Double(indexes.reduce(0, +)) / Double(indexes.count) / 100,
            situations: factors.count,
            meanRiskFactors: factors.isEmpty ? nil : Double(factors.reduce(0, +)) / Double(factors.count)
        )

        let closedCoachings = cases.flatMap(\.services).filter { $0.type == .coachingORPCMS && ($0.end.map(inYear) ?? false) }
        let reintegration = Rate(count: closedCoachings.filter { $0.closingStatus == .reintegrated }.count, total: closedCoachings.count)

        let dated = announced.compactMap { item -> (Day, Day)? in
            guard let since = item.announcement.followedSince, let toBureau = item.announcement.announcedToBureauOn else { return nil }
            return (since, toBureau)
        }
        let early = dated.filter { since, toBureau in toBureau < ReportCalendar.adding(months: 6, to: since) }.count

        self.init(
            year: year,
            situations: situations,
            tables: tables,
            services: services,
            profile: profile,
            gravity: gravity,
            reintegration: reintegration,
            earlyDetection: Rate(count: early, total: dated.count),
            simultaneous: simultaneous,
            trainings: Self.trainings(trainings.filter { inYear($0.date) })
        )
    }

    /// Chapter 9's table of `cases` (one age group).
    static func table(_ group: AgeGroup, _ cases: [ReportCase]) -> OriginTable {
        func row(_ dispositif: Dispositif?, _ cases: [ReportCase]) -> OriginRow {
            var regions: [String: Int] = [:]
            for region in Region.allCases { regions[region.rawValue] = cases.filter { $0.announcement.region == region }.count }
            return OriginRow(dispositif: dispositif, total: cases.count, regions: regions)
        }
        return OriginTable(
            ageGroup: group,
            rows: OriginTable.order.map { dispositif in row(dispositif, cases.filter { $0.announcement.dispositif == dispositif }) },
            total: row(nil, cases)
        )
    }

    /// Participants by kind and part of the canton.
    static func trainings(_ held: [Training]) -> TrainingFigures {
        TrainingFigures(
            kinds: TrainingKind.allCases.map { kind in
                let events = held.filter { $0.kind == kind }
                let upper = events.filter { $0.region == .hautValais }.reduce(0) { $0 + $1.participants }
                let all = events.reduce(0) { $0 + $1.participants }
                return TrainingCount(kind: kind, events: events.count, participants: all, frenchSpeaking: all - upper, upperValais: upper)
            }
        )
    }
}
