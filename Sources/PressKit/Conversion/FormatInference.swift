/// Format inference, in one place: by name (`-f`/`-t`), by a file name's extension (input or output),
/// and by content when the name says nothing. The command line, the batch walker and the pipeline all ask here.
extension Formats {
    /// The format named `name` (or an alias), or a usage error listing the known ones.
    public static func require(_ name: String) throws -> Format {
        guard let format = named(name) else {
            let known = all.map(\.name).joined(separator: ", ")
            throw PressKitError(.usage, "unknown format '\(name)' (known: \(known))")
        }
        return format
    }

    /// What a file name says about reading it.
    public enum InputGuess: Sendable {
        /// A format presskit reads.
        case readable(Format)
        /// A known format presskit only writes (an `.epub` in a folder of sources).
        case notReadable(Format)
        /// No format claims this name.
        case unknown
    }

    /// The input format a file name implies: the format whose input extension is the longest suffix of the
    /// name (`a.ninjs.json` can belong to a format claiming `ninjs.json` while `b.json` stays JSON).
    public static func inputGuess(forName path: String) -> InputGuess {
        let name = fileName(path).lowercased()
        var best: (format: Format, length: Int)?
        var known: Format?
        for format in all {
            for ext in format.inputExtensions where name.count > ext.count + 1 && name.hasSuffix("." + ext) {
                if format.reader == nil { known = known ?? format; continue }
                if ext.count > best?.length ?? -1 { best = (format, ext.count) }
            }
        }
        if let best { return .readable(best.format) }
        if let known { return .notReadable(known) }
        return .unknown
    }

    /// The input format for `name` (its extension), else sniffed from `bytes`. Standard input ("-") is sniffed.
    public static func inputFormat(name: String, bytes: [UInt8]) -> Format {
        if name != "-", case .readable(let format) = inputGuess(forName: name) { return format }
        return sniff(bytes)
    }

    /// The output format an output file name implies (its output or input extensions, longest match), or a
    /// usage error asking for `-t`.
    public static func outputFormat(forName path: String) throws -> Format {
        let name = fileName(path).lowercased()
        var best: (format: Format, length: Int)?
        for format in all where format.writer != nil {
            for ext in [format.outputExtension] + format.extensions
            where name.count > ext.count + 1 && name.hasSuffix("." + ext) && ext.count > best?.length ?? -1 {
                best = (format, ext.count)
            }
        }
        guard let best else {
            throw PressKitError(.usage, "cannot tell the output format from the name; use -t FORMAT", file: path)
        }
        return best.format
    }

    private static func fileName(_ path: String) -> Substring {
        path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
    }
}
