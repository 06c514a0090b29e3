public import CIICore
import CIIStore
import Foundation

extension Coordinator {
    /// Records `ca` as the CA of `member`'s own PKI (nil: removes it) and publishes a new manifest.
    /// Every node then trusts that CA, beside the federation CA, for that member's endpoint only.
    /// - Throws: ``FederationError`` `notAMember` for an unknown member, or when there is no CA to remove.
    public func trust(_ ca: MemberCA?, for member: NodeID) throws -> SignedManifest {
        try CoordinatorLock.holding(directory.federation) {
            var members = try loadMembers()
            guard let index = members.firstIndex(where: { $0.id == member }) else {
                throw FederationError(.notAMember, "\(member) is not a member (see `ciid federation members`); nothing was changed")
            }
            if ca == nil, members[index].caCertificate == nil {
                throw FederationError(.notAMember, "\(member) has no CA of its own in the manifest; nothing was changed")
            }
            members[index].caCertificate = ca?.pem
            try saveMembers(members)
            return try signAndWrite(now: Date())
        }
    }
}
