public import CIICore

/// Synthetic people followed by the six dispositifs, for the demo, tests and benchmarks.
///
/// Every AVS number is valid and drawn from the block `756.9999.xxxx.xx`, which ciid never
/// uses for anything else, so synthetic data is recognisable at a glance. The draw is
/// deterministic for a seed. Each person has a main dispositif and, with the share of the
/// 2023 CII report for that dispositif, follow-ups at one or two others.
public struct SyntheticPopulation: Sendable {
    /// One synthetic follow-up.
    public struct FollowUp: Sendable, Hashable {
        /// The person's AVS number (synthetic).
        public let avs: AVSNumber
        /// The institution that follows them.
        public let dispositif: Dispositif
        /// Start of the follow-up.
        public let startedOn: Day
        /// Last follow-up.
        public let lastOn: Day
        /// The caseworker id at that institution.
        public let caseworker: String
        /// The institution's own dossier number (never the AVS number).
        public let reference: String
    }

    /// Every follow-up, grouped by person (a person's follow-ups are adjacent).
    public let followUps: [FollowUp]

    /// Main dispositif weights (percent) of the synthetic population.
    static let mainShare: [(Dispositif, Int)] = [(.orp, 40), (.cms, 20), (.oai, 14), (.osp, 12), (.oasi, 7), (.t1, 7)]
    /// Share (percent) of each dispositif's people also followed elsewhere: ORP 15 % and CMS 45 % as in the 2023 report.
    static let overlapShare: [Dispositif: Int] = [.orp: 15, .cms: 45, .oai: 30, .osp: 10, .oasi: 35, .t1: 20]

    /// Draws `people` people as of `today`, deterministically for `seed`.
    /// - Precondition: `people` is at most 100,000 (the size of the synthetic block).
    public init(people: Int, today: Day, seed: UInt64 = 2023) {
        precondition((0...100_000).contains(people), "the synthetic block holds 100,000 people")
        var random = SplitMix64(seed: seed)
        var followUps: [FollowUp] = []
        followUps.reserveCapacity(people * 13 / 10)
        for index in 0..<people {
            let avs = AVSNumber(completing: 756_999_900_000 + UInt64(index) * 97 % 100_000)
            let main = Self.pick(&random)
            var dispositifs = [main]
            if Int(random.next() % 100) < Self.overlapShare[main, default: 0] {
                var other = Self.pick(&random)
                while other == main { other = Self.pick(&random) }
                dispositifs.append(other)
            }
            for dispositif in dispositifs {
                let last = today.adding(days: -Int(random.next() % 1200))
                let start = last.adding(days: -Int(random.next() % 700))
                followUps.append(
                    FollowUp(
                        avs: avs,
                        dispositif: dispositif,
                        startedOn: start,
                        lastOn: last,
                        caseworker: "\(dispositif.rawValue.lowercased())-\(random.next() % 40 + 1)",
                        reference: "\(dispositif.rawValue)-\(last.components.year)-\(String(100_000 + index).dropFirst())"
                    )
                )
            }
        }
        self.followUps = followUps
    }

    /// The follow-ups of one dispositif.
    public func followUps(of dispositif: Dispositif) -> [FollowUp] { followUps.filter { $0.dispositif == dispositif } }

    /// The CSV export a dispositif would produce (French headers, `;`, dd.mm.yyyy).
    public func csv(of dispositif: Dispositif) -> String {
        var text = "N° AVS;Début du suivi;Dernier suivi;Collaborateur;N° dossier\n"
        for followUp in followUps(of: dispositif) {
            text += "\(followUp.avs.formatted);\(followUp.startedOn.swiss);\(followUp.lastOn.swiss);\(followUp.caseworker);\(followUp.reference)\n"
        }
        return text
    }

    private static func pick(_ random: inout SplitMix64) -> Dispositif {
        var roll = Int(random.next() % 100)
        for (dispositif, share) in mainShare {
            if roll < share { return dispositif }
            roll -= share
        }
        return .orp
    }
}

/// A small deterministic generator (SplitMix64), so that synthetic data is the same on every machine.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
