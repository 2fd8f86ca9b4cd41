/// Options of pandoc's JSON AST writer (`-t pandoc`), reachable from `ConversionOptions.pandoc`.
public struct PandocOptions: Sendable, Hashable {
    /// Which pandoc-types API the JSON is written for.
    public var api: PandocAPI

    public init(api: PandocAPI = .v1_22) {
        self.api = api
    }
}

/// A pandoc-types API version: the `"pandoc-api-version"` written and the constructs that differ.
public enum PandocAPI: String, Sendable, Hashable, CaseIterable {
    /// pandoc-types 1.22 (pandoc 2.11 to 2.19, e.g. Debian 12's pandoc 2.17): figures are `Para [Image]`
    /// with a title starting `fig:`.
    case v1_22 = "1.22"
    /// pandoc-types 1.23 (pandoc 3.x): figures are `Figure` blocks.
    case v1_23 = "1.23"

    /// The full version written into `"pandoc-api-version"`.
    public var versionNumbers: [Int] {
        switch self {
        case .v1_22: return [1, 22, 2, 1]
        case .v1_23: return [1, 23, 1, 1]
        }
    }
}
