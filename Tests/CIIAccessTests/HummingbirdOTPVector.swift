import Foundation
import HummingbirdOTP

/// TOTP values computed by HummingbirdOTP, as an authenticator app would.
enum HummingbirdOTPVector {
    static func compute(secret: String, time: Double) -> Int {
        TOTP(secret: secret, length: 8).compute(date: Date(timeIntervalSince1970: time))
    }

    static func six(secret: String, time: Double) -> Int {
        TOTP(secret: secret).compute(date: Date(timeIntervalSince1970: time))
    }
}
