/// A column of a numbered service group (`service<n>_type` …) of the registry's CSV format.
public enum ServiceField: String, Sendable, Hashable, CaseIterable {
    /// The service's code.
    case type
    /// The day it started.
    case start
    /// The day it ended.
    case end
    /// How it ended.
    case status

    /// The most groups a row may have.
    public static let maximumGroups = 20

    /// The technical key of group `n` (`service2_start`).
    public func key(_ n: Int) -> String { "service\(n)_\(rawValue)" }

    /// The French header of group `n` (`Prestation 2 début`).
    public func french(_ n: Int) -> String {
        switch self {
        case .type: "Prestation \(n)"
        case .start: "Prestation \(n) début"
        case .end: "Prestation \(n) fin"
        case .status: "Prestation \(n) statut"
        }
    }

    /// The German header of group `n` (`Leistung 2 Beginn`).
    public func german(_ n: Int) -> String {
        switch self {
        case .type: "Leistung \(n)"
        case .start: "Leistung \(n) Beginn"
        case .end: "Leistung \(n) Ende"
        case .status: "Leistung \(n) Status"
        }
    }

    /// The last part of the registry's validation paths about it (`services[0].end`).
    var pathSuffix: String {
        switch self {
        case .type: "type"
        case .start: "start"
        case .end: "end"
        case .status: "closingStatus"
        }
    }
}
