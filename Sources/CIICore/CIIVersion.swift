/// The release of ciid: what `ciid --version` prints and `ciid_build_info` carries.
public enum CIIVersion {
    /// The release, `major.minor.patch`.
    public static let current = "0.1.0"
}
