public import CIICore
public import CIIRegistry

/// A synthetic MX-CII registry whose profile follows the 2023 CII annual report, for the demo,
/// tests and benchmarks: 72 % men, mean age 42, education 60 / 35 / 5 % (none, secondary II,
/// tertiary), 4 risk factors on average (a mean gravity index of 2.0 with the weights of version 1),
/// regions and announcing dispositifs in the proportions of chapter 9's table, services in the
/// proportions of its figures (TRO, assessment, coaching ORP-CMS, CII jeunes, CM CII), half of
/// the closed coachings reintegrated, and 46 % of cases announced within six months of the start
/// of the follow-up.
///
/// The people are those of ``SyntheticPopulation`` (AVS numbers `756.9999.xxxx.xx`, person `i`
/// of the registry is person `i` of the population), so the federation's replicas know many of
/// them. The draw is deterministic for a seed.
public struct SyntheticRegistry: Sendable {
    /// The collaborator directory: one CII respondent per dispositif and region, and a
    /// coordinator per region.
    public let collaborators: [Collaborator]
    /// The cases, in creation order.
    public let cases: [SyntheticCase]

    /// Draws `count` cases announced in `year` (up to `today`), deterministically for `seed`.
    /// - Precondition: `count` is at most 100,000 (the size of the synthetic block).
    public init(cases count: Int, year: Int, today: Day, seed: UInt64 = 2023) {
        precondition((0...100_000).contains(count), "the synthetic block holds 100,000 people")
        var random = SplitMix64(seed: seed ^ 0x5245_4749_5354_5259)
        var collaborators: [Collaborator] = []
        for region in Region.allCases {
            for dispositif in Dispositif.allCases {
                collaborators.append(Self.collaborator(collaborators.count + 1, dispositif, region, .respondent, &random))
            }
            collaborators.append(Self.collaborator(collaborators.count + 1, .cms, region, .coordinator, &random))
        }
        self.collaborators = collaborators
        let first = Day(year: year, month: 1, day: 1)!
        let last = min(Day(year: year, month: 12, day: 31)!, today)
        let span = max(1, Int(last.daysSince1970 - first.daysSince1970) + 1)
        var cases: [SyntheticCase] = []
        cases.reserveCapacity(count)
        for index in 0..<count {
            let announced = first.adding(days: Int(random.next() % UInt64(span)))
            let (dispositif, region) = Self.pickOrigin(&random)
            let youth = random.next() % 100 < 5
            let respondent = collaborators.first { $0.dispositif == dispositif && $0.region == region && $0.function == .respondent }!
            cases.append(
                SyntheticCase(
                    index: index,
                    dispositif: dispositif,
                    region: region,
                    youth: youth,
                    announced: announced,
                    today: today,
                    respondent: respondent.id,
                    random: &random
                )
            )
        }
        self.cases = cases
    }

    /// Chapter 9's table of 2023: adult cases by announcing dispositif and region.
    static let origins: [(Dispositif, Region, Int)] = [
        (.orp, .hautValais, 3), (.orp, .sierre, 11), (.orp, .sion, 14), (.orp, .martigny, 4), (.orp, .monthey, 8),
        (.cms, .hautValais, 3), (.cms, .sierre, 6), (.cms, .sion, 8), (.cms, .martigny, 6), (.cms, .monthey, 5),
        (.osp, .sierre, 1), (.osp, .sion, 1), (.t1, .hautValais, 1), (.t1, .sion, 1),
    ]

    static func pickOrigin(_ random: inout SplitMix64) -> (Dispositif, Region) {
        var draw = Int(random.next() % 72)
        for (dispositif, region, weight) in origins {
            if draw < weight { return (dispositif, region) }
            draw -= weight
        }
        return (.orp, .sion)
    }

    static func collaborator(
        _ id: Int,
        _ dispositif: Dispositif,
        _ region: Region,
        _ function: CIIFunction,
        _ random: inout SplitMix64
    )
        -> Collaborator
    {
        let (first, last) = SyntheticNames.pick(&random, german: region == .hautValais)
        let domain = "\(dispositif.rawValue.lowercased()).example.ch"
        return Collaborator(
            id: Int64(id),
            name: "\(first) \(last)",
            dispositif: dispositif,
            region: region,
            phone: "027 606 \(String(format2: 10 + id % 90)) \(String(format2: 10 + (id * 7) % 90))",
            email: "\(SyntheticNames.mailName(first)).\(SyntheticNames.mailName(last))@\(domain)",
            function: function
        )
    }
}

extension String {
    /// A number on two digits.
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : String(value) }
}
