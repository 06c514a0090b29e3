/// People and access on a dispositif node: accounts, passwords (Argon2id), the second factor
/// (e-mailed codes, TOTP), sessions, API tokens, rate limits and outgoing mail; it records what
/// happens in the audit log (`CIIAudit`).
public enum CIIAccess {}
