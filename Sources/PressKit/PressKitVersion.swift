/// presskit's version: the one place it is written (the CLI's `--version`, the EPUB/DOCX generator fields
/// and CHANGELOG.md follow it).
public enum PressKitVersion {
    /// Semantic version of the PressKit library and the presskit command.
    public static let string = "0.2.0"

    /// The C libraries presskit runs on with the versions it was built against (each is loaded on first
    /// use, so naming them loads none): `name version` lines.
    public static var libraries: [String] {
        LibraryVersions.all.map { "\($0.name) \($0.version)" }
    }
}
