import CIICore

/// What makes two case periods the same for an import: the person, the announcement day and the
/// announcing dispositif.
struct ImportKey: Hashable {
    var avs: AVSNumber
    var announcedOn: Day
    var dispositif: Dispositif
}
