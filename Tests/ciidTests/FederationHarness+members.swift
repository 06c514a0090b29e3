import CIICore
import CIIFederation
import CIIStore
import Curl
import Foundation
import Sodium

extension FederationHarness {
    /// What a test needs to act as member `id`: its folder, client certificate and key pairs.
    struct Member {
        let folder: String
        let certificate: (String, String)
        let signing: SigningKeyPair
        let box: BoxKeyPair
    }

    /// Member `id`'s credentials, read from its data folder.
    func member(_ id: String) throws -> Member {
        let folder = try self.folder(id)
        let identity = try NodeIdentity.load(from: NodeDirectory(root: folder))
        return Member(folder: folder, certificate: (folder + "/tls/node.crt", folder + "/tls/node.key"), signing: identity.signing, box: identity.box)
    }
}

extension FederationHarness {
    /// Sends a request to node `id`'s members-only port as member `caller` would: its client
    /// certificate, signed with its key.
    func send(_ method: String, _ target: String, to id: String, as caller: String, body: [UInt8] = []) throws -> HTTPResponse {
        let member = try member(caller)
        let headers = RequestSignature.headers(method: method, target: target, body: body, node: try NodeID(caller), signer: member.signing)
        return try Curl.perform(
            HTTPRequest(
                method: method,
                url: try federationURL(id) + target,
                headers: headers,
                body: body,
                caFile: try caFile(caller),
                clientCertificate: member.certificate
            )
        )
    }
}

extension FederationHarness {
    /// The port of node `id`'s members-only federation listener.
    func federationPort(_ id: String) throws -> Int {
        guard let port = URLComponents(string: try federationURL(id))?.port else { throw HarnessError("\(id) has no federation port") }
        return port
    }
}
