/// Format inference, in one place: by name (`-f`/`-t`), by a file name's extension (input or output),
/// and by content when the name says nothing. The command line, the batch walker and the pipeline all ask here.
extension Formats {
    /// The format named `name` (or an alias), or a usage error listing the known ones.
    public static func require(_ name: String) throws -> Format {
        guard let format = named(name) else {
            let known = all.map(\.name).joined(separator: ", ")
            let hint = suggestion(for: name).map { "; did you mean '\($0)'?" } ?? ""
            throw PressKitError(.usage, "unknown format '\(name)' (known: \(known))\(hint)")
        }
        return format
    }

    /// The known format name or alias closest to a mistyped one (at most two edits away), if any.
    public static func suggestion(for name: String) -> String? {
        let typed = Array(name.fastLowercased())
        var best: (name: String, distance: Int)?
        for candidate in all.flatMap({ [$0.name] + $0.aliases }) {
            let distance = editDistance(typed, Array(candidate))
            if distance <= 2, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance between two short strings.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
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
        let name = fileName(path).fastLowercased()
        var best: (format: Format, length: Int)?
        var known: Format?
        for format in all {
            for ext in format.inputExtensions where hasExtension(name, ext) {
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
        let name = fileName(path).fastLowercased()
        var best: (format: Format, length: Int)?
        for format in all where format.writer != nil {
            for ext in [format.outputExtension] + format.extensions
            where hasExtension(name, ext) && ext.count > best?.length ?? -1 {
                best = (format, ext.count)
            }
        }
        guard let best else {
            throw PressKitError(.usage, "cannot tell the output format from the name; use -t FORMAT", file: path)
        }
        return best.format
    }

    /// Whether `name` (lower-cased) ends in "." and `ext` with something before the dot: compared as UTF-8
    /// bytes (the batch walker asks for every file, and a Character-wise `count`/`hasSuffix` per extension of
    /// every format was 0.15 M instructions a name). The same answer as the Character comparison for
    /// every name whose dot starts a Character of its own; a dot after a "prepended" mark (U+0600, an
    /// Arabic number sign) is joined to it as one Character, and the extension now counts there too.
    static func hasExtension(_ name: String, _ ext: String) -> Bool {
        let extBytes = ext.utf8.count
        var name = name
        return name.withUTF8 { bytes in
            guard bytes.count > extBytes + 1 else { return false }
            let dot = bytes.count - extBytes - 1
            guard bytes[dot] == UInt8(ascii: ".") else { return false }
            var i = dot + 1
            for b in ext.utf8 {
                guard bytes[i] == b else { return false }
                i += 1
            }
            return true
        }
    }

    private static func fileName(_ path: String) -> Substring {
        path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
    }
}
