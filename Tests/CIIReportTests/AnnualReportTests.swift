import CIICore
import CIIRegistry
import CIIRegistrySQLite
import CIIReport
import CIIStore
import CIISynthetic
import Foundation
import Testing

/// The annual report's figures against the same figures computed here, with plain loops over the
/// generated cases, trainings and replica (not with the report's code): every figure compared.
@Suite struct AnnualReportTests {
    /// The age in full years, by Foundation's calendar.
    static func age(_ birth: Day, on day: Day) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.dateComponents([.year], from: date(birth), to: date(day)).year!
    }

    static func date(_ day: Day) -> Date { Date(timeIntervalSince1970: TimeInterval(day.daysSince1970) * 86_400) }

    /// Whether `toBureau` is less than six calendar months after `since`, by Foundation's calendar.
    static func withinSixMonths(_ since: Day, _ toBureau: Day) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return date(toBureau) < calendar.date(byAdding: .month, value: 6, to: date(since))!
    }

    /// What the report must say of 2023, computed from the fixture's generated values.
    static func expected(_ fixture: ReportFixture) -> AnnualFigures {
        let year = ReportFixture.year
        let first = Day(year: year, month: 1, day: 1)!
        let last = Day(year: year, month: 12, day: 31)!
        var kept: [SyntheticCase] = []
        for (index, item) in fixture.synthetic.cases.enumerated() where !ReportFixture.cancelled.contains(index) { kept.append(item) }
        var announced: [SyntheticCase] = []
        for item in kept where item.newCase.announcement.announcedOn >= first && item.newCase.announcement.announcedOn <= last {
            announced.append(item)
        }

        var adults = 0
        var youth = 0
        var men = 0
        var ageSum = 0
        var education: [EducationLevel: Int] = [:]
        var gravitySum = 0
        var factorSum = 0
        var dated = 0
        var early = 0
        var cells: [AgeGroup: [Dispositif: [Region: Int]]] = [:]
        for item in announced {
            let announcement = item.newCase.announcement
            if announcement.ageGroup == .adult { adults += 1 } else { youth += 1 }
            cells[announcement.ageGroup, default: [:]][announcement.dispositif, default: [:]][announcement.region, default: 0] += 1
            let person = item.newCase.person
            if person.sex == .male { men += 1 }
            ageSum += age(person.birthDate, on: announcement.announcedOn)
            education[person.education, default: 0] += 1
            gravitySum += GravityWeights.current.score(item.newCase.situation.riskFactors).hundredths
            factorSum += item.newCase.situation.riskFactors.count
            if let since = announcement.followedSince, let toBureau = announcement.announcedToBureauOn {
                dated += 1
                if withinSixMonths(since, toBureau) { early += 1 }
            }
        }
        let order: [Dispositif] = [.orp, .cms, .oasi, .oai, .osp, .t1]
        var tables: [OriginTable] = []
        for group in [AgeGroup.adult, .youth] {
            var rows: [OriginRow] = []
            var totals: [String: Int] = [:]
            var total = 0
            for dispositif in order {
                var regions: [String: Int] = [:]
                var sum = 0
                for region in Region.allCases {
                    let count = cells[group]?[dispositif]?[region] ?? 0
                    regions[region.rawValue] = count
                    totals[region.rawValue, default: 0] += count
                    sum += count
                }
                total += sum
                rows.append(OriginRow(dispositif: dispositif, total: sum, regions: regions))
            }
            tables.append(OriginTable(ageGroup: group, rows: rows, total: OriginRow(dispositif: nil, total: total, regions: totals)))
        }

        var services: [ServiceCount] = []
        for type in ServiceType.allCases {
            var people = 0
            for item in kept where item.services.contains(where: { $0.type == type && $0.start <= last && ($0.end == nil || $0.end! >= first) }) {
                people += 1  // one synthetic person per case
            }
            services.append(ServiceCount(type: type, people: people))
        }
        var closed = 0
        var reintegrated = 0
        for item in kept {
            for service in item.services where service.type == .coachingORPCMS {
                guard let end = service.end, end >= first, end <= last else { continue }
                closed += 1
                if service.closingStatus == .reintegrated { reintegrated += 1 }
            }
        }

        let n = announced.count
        let profile = Profile(
            situations: n,
            men: Rate(count: men, total: n),
            women: Rate(count: n - men, total: n),
            meanAge: Double(ageSum) / Double(n),
            education: EducationLevel.allCases.map { EducationShare(level: $0, rate: Rate(count: education[$0] ?? 0, total: n)) }
        )
        let gravity = GravityFigures(
            scored: n,
            meanIndex: Double(gravitySum) / Double(n) / 100,
            situations: n,
            meanRiskFactors: Double(factorSum) / Double(n)
        )

        var participants: [TrainingKind: (events: Int, all: Int, upper: Int)] = [:]
        for training in fixture.trainings where training.date >= first && training.date <= last {
            var line = participants[training.kind] ?? (0, 0, 0)
            line.events += 1
            line.all += training.participants
            if training.region == .hautValais { line.upper += training.participants }
            participants[training.kind] = line
        }
        let trainings = TrainingFigures(
            kinds: TrainingKind.allCases.map { kind in
                let line = participants[kind] ?? (0, 0, 0)
                return TrainingCount(
                    kind: kind,
                    events: line.events,
                    participants: line.all,
                    frenchSpeaking: line.all - line.upper,
                    upperValais: line.upper
                )
            }
        )

        return AnnualFigures(
            year: year,
            situations: SituationCounts(total: n, adults: adults, youth: youth),
            tables: tables,
            services: services,
            profile: profile,
            gravity: gravity,
            reintegration: Rate(count: reintegrated, total: closed),
            earlyDetection: Rate(count: early, total: dated),
            simultaneous: expectedSimultaneous(fixture.people, from: first),
            trainings: trainings
        )
    }

    /// Simultaneous follow-up from the generated replica: epoch 2, last follow-up in 2023 or later.
    static func expectedSimultaneous(_ people: [ReportFixture.ReplicaPerson], from first: Day) -> SimultaneousFollowUp {
        var sets: [Set<Dispositif>] = []
        for person in people {
            var set = Set<Dispositif>()
            for entry in person.entries where entry.epoch == Epoch(2)! && entry.lastOn >= first { set.insert(entry.dispositif) }
            if !set.isEmpty { sets.append(set) }
        }
        let order: [Dispositif] = [.orp, .cms, .oasi, .oai, .osp, .t1]
        var lines: [DispositifOverlap] = []
        for dispositif in order {
            var mine = 0
            var any = 0
            var two = 0
            var with: [Dispositif: Int] = [:]
            for set in sets where set.contains(dispositif) {
                mine += 1
                if set.count >= 2 { any += 1 }
                if set.count >= 3 { two += 1 }
                for other in set where other != dispositif { with[other, default: 0] += 1 }
            }
            if mine == 0 { continue }
            let people = MaskedCount(mine)
            lines.append(
                DispositifOverlap(
                    dispositif: dispositif,
                    people: people,
                    others: order.filter { $0 != dispositif }.map { OverlapCell(other: $0, count: MaskedCount(with[$0] ?? 0), of: people) },
                    anyOther: OverlapCell(other: nil, count: MaskedCount(any), of: people),
                    twoOrMoreOthers: OverlapCell(other: nil, count: MaskedCount(two), of: people)
                )
            )
        }
        return SimultaneousFollowUp(
            epoch: 2,
            lastOnFrom: first,
            people: MaskedCount(sets.count),
            simultaneous: MaskedCount(sets.filter { $0.count >= 2 }.count),
            dispositifs: lines
        )
    }

    @Test func everyFigureMatchesTheGeneratedData() async throws {
        let fixture = try await ReportFixture()
        defer { fixture.remove() }
        let reporter = AnnualReporter(store: fixture.store, replica: fixture.replica)
        let report = try await reporter.report(year: 2023, today: ReportFixture.today)
        let expected = Self.expected(fixture)
        let figures = report.figures
        #expect(figures.situations == expected.situations)
        #expect(figures.situations.total == fixture.synthetic.cases.count - ReportFixture.cancelled.count)
        #expect(figures.tables == expected.tables)
        #expect(figures.services == expected.services)
        #expect(figures.profile == expected.profile)
        #expect(figures.gravity == expected.gravity)
        #expect(figures.reintegration == expected.reintegration)
        #expect(figures.earlyDetection == expected.earlyDetection)
        #expect(figures.simultaneous == expected.simultaneous)
        #expect(figures.trainings == expected.trainings)
        #expect(figures == expected)
        // The trainings count as chapter 2 does: 67 = 55 French-speaking + 12 Upper Valais.
        #expect(figures.trainings.kinds.first { $0.kind == .training }.map { [$0.participants, $0.frenchSpeaking, $0.upperValais] } == [67, 55, 12])
        // The data exercise what they should: hidden cells, services, early and late announcements.
        let simultaneous = try #require(figures.simultaneous)
        #expect(simultaneous.dispositifs.first { $0.dispositif == .oasi }?.people.value == nil)
        #expect(simultaneous.people.value ?? 0 > 100 && simultaneous.share != nil)
        #expect(figures.services.allSatisfy { $0.people > 0 } && figures.reintegration.total > 0)
        #expect(figures.earlyDetection.count > 0 && figures.earlyDetection.count < figures.earlyDetection.total)

        // 2023 is the year before the report's day: its snapshot was taken now, and is what is shown.
        #expect(report.snapshotTakenOn == ReportFixture.today)
        // 2022 holds a training only: beside the figures, with nothing from the replica.
        let previous = try #require(report.previous)
        #expect(previous.situations.total == 0 && previous.simultaneous == nil)
        #expect(previous.trainings.kinds.first { $0.kind == .training }?.participants == 30)
    }

    @Test func aPastYearStaysTheSameAfterRetention() async throws {
        let fixture = try await ReportFixture(cases: 60)
        defer { fixture.remove() }
        let reporter = AnnualReporter(store: fixture.store, replica: fixture.replica)
        // The first day of 2024 the coordinator runs: 2023's snapshot is taken, once.
        let newYear = Day(year: 2024, month: 1, day: 1)!
        #expect(try await reporter.takeSnapshotIfDue(today: newYear))
        #expect(try await !reporter.takeSnapshotIfDue(today: newYear.adding(days: 1)))
        let before = try await reporter.report(year: 2023, today: newYear.adding(days: 3))
        #expect(before.snapshotTakenOn == newYear)

        // Retention deletes every case, the replica drops its entries and the epoch is retired.
        try await fixture.store.transaction { tx in
            for id in fixture.caseIDs { try await tx.deleteCase(id) }
        }
        try fixture.replica.dropReplicaEntries(before: Day(year: 2030, month: 1, day: 1)!.daysSince1970)
        let after = try await reporter.report(year: 2023, today: Day(year: 2031, month: 5, day: 1)!)
        #expect(after.figures == before.figures)
        #expect(after.figures.situations.total == 60 - ReportFixture.cancelled.filter { $0 < 60 }.count)
        #expect(after.snapshotTakenOn == newYear)
        // The snapshot's figures are those computed before retention from the same data.
        #expect(after.figures == Self.expected(fixture).withSimultaneous(after.figures.simultaneous))

        // The current year is never a snapshot; a year with nothing in the registry is not kept.
        let current = try await reporter.report(year: 2031, today: Day(year: 2031, month: 5, day: 1)!)
        #expect(current.snapshotTakenOn == nil && current.figures.situations.total == 0 && current.previous == nil)
        #expect(try await !reporter.takeSnapshotIfDue(today: Day(year: 2031, month: 5, day: 1)!))
        #expect(try await fixture.store.read { try await $0.annualSnapshot(year: 2030) } == nil)
    }

    @Test func aYearOutOfRangeIsRefusedInTheReadersLanguage() async throws {
        let fixture = try await ReportFixture(cases: 0)
        defer { fixture.remove() }
        let reporter = AnnualReporter(store: fixture.store, replica: nil)
        do {
            _ = try await reporter.report(year: 2025, today: ReportFixture.today)
            Issue.record("a future year was reported")
        } catch {
            #expect(error.kind == .invalidYear)
            #expect(error.message(.fr).contains("de 2000 à 2024") && error.message(.de).contains("von 2000 bis 2024"))
        }
        // Without a replica: no simultaneous follow-up, the rest all the same.
        let report = try await reporter.report(year: 2023, today: ReportFixture.today)
        #expect(report.figures.simultaneous == nil && report.figures.trainings.kinds.map(\.participants) == [67, 130])
    }
}

extension AnnualFigures {
    /// The same figures with `simultaneous` instead.
    func withSimultaneous(_ simultaneous: SimultaneousFollowUp?) -> AnnualFigures {
        var copy = self
        copy.simultaneous = simultaneous
        return copy
    }
}
