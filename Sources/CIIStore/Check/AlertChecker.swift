public import CIICore

/// Answers alert checks locally: fingerprint the AVS number under each epoch key the node
/// holds, look the fingerprints up in the replica and the own set, keep what is inside the
/// window and not from this node. No network call, no write. Reads the store's in-memory
/// ``ReplicaIndex`` once loaded (`ciid serve`), the database otherwise.
public struct AlertChecker: Sendable {
    /// The node asking (its own replica rows, if any, are not "another dispositif").
    public let node: NodeID
    /// The window of the answer.
    public let window: RetentionWindow
    private let keys: KeyRing
    private let reader: ReplicaReader

    /// Creates a checker.
    /// - Parameters:
    ///   - node: this node.
    ///   - keys: the epoch keys the node holds (one, or two during a rotation); they may change while the node runs.
    ///   - window: the window of the answers.
    ///   - reader: the replica reader.
    public init(node: NodeID, keys: KeyRing, window: RetentionWindow, reader: ReplicaReader) {
        self.node = node
        self.window = window
        self.keys = keys
        self.reader = reader
    }

    /// A checker with a fixed set of keys.
    public init(node: NodeID, keys: [FingerprintKey], window: RetentionWindow, reader: ReplicaReader) {
        self.init(node: node, keys: KeyRing(keys), window: window, reader: reader)
    }

    /// Checks `avs` on `today`.
    /// - Throws: ``StoreError`` when the node holds no key yet or the replica cannot be read.
    public func check(_ avs: AVSNumber, today: Day) throws(StoreError) -> CheckAnswer {
        let fingerprinters = keys.current
        guard !fingerprinters.isEmpty else { throw StoreError(.refused, "this node holds no federation key yet") }
        let cutoff = window.cutoff(today: today)
        var matches: [CheckAnswer.Match] = []
        var followedHere = false
        var current: Fingerprint?
        func record(_ origin: String, _ dispositif: Dispositif?, _ lastOn: Day) {
            guard lastOn >= cutoff, origin != node.rawValue, let code = dispositif else { return }
            if let index = matches.firstIndex(where: { $0.node == origin }) {
                if matches[index].lastFollowUp < lastOn { matches[index].lastFollowUp = lastOn }
            } else {
                matches.append(.init(dispositif: code, node: origin, lastFollowUp: lastOn))
            }
        }
        for fingerprinter in fingerprinters {
            let fingerprint = fingerprinter.fingerprint(avs)
            current = current ?? fingerprint
            // The in-memory index when `ciid serve` loaded it; the database otherwise.
            if let index = reader.index,
                let own = index.lookup(
                    fingerprint,
                    epoch: fingerprinter.epoch,
                    { origin, day in record(origin.node, origin.dispositif, Day(daysSince1970: day)) }
                )
            {
                if own { followedHere = true }
                continue
            }
            try reader.lookup(fingerprint, epoch: fingerprinter.epoch) { origin, dispositif, lastOn in
                guard let origin else {
                    followedHere = true
                    return
                }
                record(origin, dispositif.flatMap(Dispositif.init(rawValue:)), lastOn)
            }
        }
        if matches.count > 1 { matches.sort { ($0.dispositif.rawValue, $0.node) < ($1.dispositif.rawValue, $1.node) } }
        return CheckAnswer(
            matches: matches,
            followedHere: followedHere,
            window: window,
            windowStart: cutoff,
            checkedOn: today,
            fingerprint: current ?? Fingerprint(words: (0, 0, 0, 0))
        )
    }
}
