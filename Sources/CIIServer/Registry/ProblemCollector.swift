/// The problems found so far (one decoding, on one thread).
final class ProblemCollector {
    var problems: [RegistryAPIError.Problem] = []
}
