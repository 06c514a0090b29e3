public import CIICore

extension SimultaneousFollowUp {
    /// The figures from the number of people of each set of dispositifs (what
    /// `NodeStore.dispositifSets(epoch:lastOnFrom:)` answers).
    public init(epoch: Epoch, lastOnFrom: Day, sets: [Set<Dispositif>: Int]) {
        func count(_ include: (Set<Dispositif>) -> Bool) -> Int {
            sets.reduce(0) { total, entry in include(entry.key) ? total + entry.value : total }
        }
        let dispositifs = OriginTable.order.compactMap { dispositif -> DispositifOverlap? in
            let mine = count { $0.contains(dispositif) }
            guard mine > 0 else { return nil }
            let people = MaskedCount(mine)
            return DispositifOverlap(
                dispositif: dispositif,
                people: people,
                others: OriginTable.order.filter { $0 != dispositif }.map { other in
                    OverlapCell(other: other, count: MaskedCount(count { $0.contains(dispositif) && $0.contains(other) }), of: people)
                },
                anyOther: OverlapCell(other: nil, count: MaskedCount(count { $0.contains(dispositif) && $0.count >= 2 }), of: people),
                twoOrMoreOthers: OverlapCell(other: nil, count: MaskedCount(count { $0.contains(dispositif) && $0.count >= 3 }), of: people)
            )
        }
        self.init(
            epoch: epoch.number,
            lastOnFrom: lastOnFrom,
            people: MaskedCount(count { !$0.isEmpty }),
            simultaneous: MaskedCount(count { $0.count >= 2 }),
            dispositifs: dispositifs
        )
    }
}
