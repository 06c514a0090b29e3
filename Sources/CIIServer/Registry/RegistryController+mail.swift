import CIIAccess
import CIIRegistry
import Logging

extension RegistryController {
    /// Tells the bureau by e-mail that a case was cancelled: after the commit and without holding
    /// the answer, since a relay may be slow. A failure only goes to the log: the cancellation
    /// stands and its notice waits in the bureau's queue (`GET /notices`).
    func mailBureau(_ notice: BureauNotice, logger: Logger) {
        guard let bureauMail else { return }
        Task {
            do {
                try await bureauMail.sendCancellation(caseID: notice.caseID, by: notice.by, at: notice.at)
            } catch {
                logger.error("registry: the e-mail to the bureau about cancelled case \(notice.caseID) failed (\(error)); the notice is in its queue")
            }
        }
    }
}
