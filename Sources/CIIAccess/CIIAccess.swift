/// People and access on a dispositif node: accounts, passwords (Argon2id), the second factor
/// (e-mailed codes, TOTP), sessions, API tokens, rate limits, outgoing mail and the audit log.
public enum CIIAccess {}
