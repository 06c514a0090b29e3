public import CIICore
public import Curl

extension FederationState {
    /// The libcurl session to use for every request to `member`, so that they share one
    /// connection (keep-alive, one TLS handshake) instead of opening one per request.
    ///
    /// Created on first use; dropped (its connection closed once no transfer uses it) when a newer
    /// manifest no longer lists `member` or changes its entry. A session performs one transfer at
    /// a time; pass it to `BlockingTransfer.perform(_:session:)`.
    /// - Parameter member: the peer (or the coordinator) the requests go to.
    public func session(for member: NodeID) -> CurlSession {
        sessions.session(for: member, in: manifest)
    }
}
