public import NIOCore
import NIOSSL

/// The certificate a client presented in the TLS handshake, read from inside a request handler.
public enum ClientCertificate {
    /// The DER bytes of the leaf certificate the client of `channel` presented, or nil when it
    /// presented none or the connection has no TLS.
    ///
    /// Pass the request context's channel (`ApplicationRequestContextSource.channel`); the
    /// certificate is read on the channel's event loop.
    /// - Parameter channel: the connection of the request.
    /// - Throws: when the connection closed before it could be read, or the certificate cannot be encoded.
    public static func der(on channel: any Channel) async throws -> [UInt8]? {
        try await channel.eventLoop.submit { () throws -> [UInt8]? in
            guard let handler = try? channel.pipeline.syncOperations.handler(type: NIOSSLServerHandler.self) else { return nil }
            return try handler.peerCertificate?.toDERBytes()
        }.get()
    }
}
