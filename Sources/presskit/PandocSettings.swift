import PressKit

/// Flags for pandoc's JSON AST output (`-t pandoc`).
struct PandocSettings {
    var pandocAPI = PandocAPI.v1_22.rawValue

    static let options: [OptionSpec] = [
        .value("pandoc-api", help: "pandoc output: the pandoc-types API to write, 1.22 (pandoc 2.x, default) or 1.23 (pandoc 3.x, Figure blocks).",
               defaultValue: PandocAPI.v1_22.rawValue, completion: .list { PandocAPI.allCases.map(\.rawValue) }),
    ]

    init() {}

    init(_ parsed: ParsedArguments) {
        pandocAPI = parsed.value("pandoc-api") ?? pandocAPI
    }

    /// Sets the pandoc writer's options from the flag's value.
    static func apply(pandocAPI: String, to options: inout ConversionOptions) throws {
        guard let api = PandocAPI(rawValue: pandocAPI) else {
            throw PressKitError(.usage, "--pandoc-api takes 1.22 or 1.23, not '\(pandocAPI)'")
        }
        options.pandoc = PandocOptions(api: api)
    }
}
