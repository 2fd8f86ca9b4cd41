/// A value of the YAML subset that front matter uses.
enum YAMLValue: Hashable, Sendable {
    case scalar(String)
    case list([YAMLValue])
    case map([YAMLPair])

    /// The value as one line of text: a scalar as is, a list joined with ", ", a map as `key: value; …`.
    var flattened: String {
        switch self {
        case .scalar(let s): return s
        case .list(let items): return items.map(\.flattened).joined(separator: ", ")
        case .map(let pairs): return pairs.map { "\($0.key): \($0.value.flattened)" }.joined(separator: "; ")
        }
    }
}

struct YAMLPair: Hashable, Sendable {
    var key: String
    var value: YAMLValue
}

/// A small parser for the YAML that front matter holds: a top-level map of plain, quoted and block
/// (`|`, `>`) scalars, block lists (`- x`), flow lists (`[a, b]`), and maps nested by indentation (lists of
/// maps for contacts). Anchors, tags, multi-document streams and flow maps are not supported.
struct YAMLSubset {
    struct ParseError: Error, Equatable {
        var line: Int
        var message: String
    }

    private struct Line {
        var number: Int
        var indent: Int
        var text: Substring  // without indentation; comments removed for non-block content
        var raw: Substring
    }

    private var lines: [Line] = []
    private var index = 0
    /// Whether the text is ASCII without a carriage return (`ASCIIText.isOneByteCharacters`): then every byte
    /// is a Character, and the scalars and lists are read on bytes (a Character walk of them was a twentieth of
    /// a small Markdown → EPUB conversion). Elsewhere Character by Character, as the YAML subset is defined.
    private var ascii = false

    /// Parses a top-level map. Throws `ParseError` naming the line for anything outside the subset.
    static func parseMap(_ text: String) throws -> [YAMLPair] { try parseMap(text, bytePaths: true) }

    /// The same; `bytePaths: false` reads every scalar and list Character by Character (what the byte paths
    /// are tested against).
    static func parseMap(_ text: String, bytePaths: Bool) throws -> [YAMLPair] {
        var parser = YAMLSubset()
        parser.ascii = bytePaths && ASCIIText.isOneByteCharacters(text)
        var number = 0
        let hasTab = ByteScan.contains(UInt8(ascii: "\t"), inUTF8: text)
        // Lines and indentation found on UTF-8 bytes rather than Characters (a Character walk of every line
        // was a tenth of a small Markdown conversion). A line feed is never part of a longer Character here:
        // front matter reaches this with "\r\n" already made "\n" (`FrontMatter.split`). A carriage return is
        // a Character of its own wherever it stands (no Character extends it), so a line's last byte says
        // whether its last Character is one.
        let utf8 = text.utf8
        var start = utf8.startIndex
        for end in lineEnds(utf8) {
            number += 1
            var line = text[start..<end]
            if line.utf8.last == UInt8(ascii: "\r") { line = text[start..<utf8.index(before: end)] }
            if hasTab, line.utf8.contains(UInt8(ascii: "\t")), line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                throw ParseError(line: number, message: "tabs cannot indent YAML")
            }
            let parts = indented(line)
            parser.lines.append(Line(number: number, indent: parts.indent, text: parts.rest, raw: line))
            if end < utf8.endIndex { start = utf8.index(after: end) }
        }
        parser.skipBlank()
        if parser.index >= parser.lines.count { return [] }
        let first = parser.lines[parser.index]
        guard first.indent == 0 else { throw ParseError(line: first.number, message: "the first key is indented") }
        let pairs = try parser.parseMapBlock(indent: 0)
        parser.skipBlank()
        if parser.index < parser.lines.count {
            let line = parser.lines[parser.index]
            throw ParseError(line: line.number, message: "unexpected indentation")
        }
        return pairs
    }

    /// Where each line ends: the index of each line feed, then the end of the text.
    private static func lineEnds(_ utf8: String.UTF8View) -> [String.Index] {
        var ends: [String.Index] = []
        let scanned: Void? = utf8.withContiguousStorageIfAvailable { buffer in
            for offset in buffer.indices where buffer[offset] == UInt8(ascii: "\n") {
                ends.append(utf8.index(utf8.startIndex, offsetBy: offset))
            }
        }
        if scanned == nil { ends = utf8.indices.filter { utf8[$0] == UInt8(ascii: "\n") } }
        ends.append(utf8.endIndex)
        return ends
    }

    /// The number of leading spaces (as Characters) and the line after them.
    private static func indented(_ line: Substring) -> (indent: Int, rest: Substring) {
        var bytes = 0
        for byte in line.utf8 {
            guard byte == UInt8(ascii: " ") else { break }
            bytes += 1
        }
        let after = line.utf8.index(line.utf8.startIndex, offsetBy: bytes)
        // Each space is a Character of its own unless a combining mark follows the last one: only then count
        // Characters.
        if after == line.utf8.endIndex || line.utf8[after] < 0x80 { return (bytes, line[after...]) }
        let indent = line.prefix(while: { $0 == " " }).count
        return (indent, line.dropFirst(indent))
    }

    /// Whether `line` looks like `key: …` (the start of a map entry).
    static func looksLikeMapEntry(_ line: Substring) -> Bool {
        splitKey(line) != nil
    }

    // MARK: blocks

    private func isBlank(_ line: Line) -> Bool {
        let t = line.text
        return t.isEmpty || (ascii ? t.utf8.first == UInt8(ascii: "#") : t.first == "#")
    }

    private mutating func skipBlank() {
        while index < lines.count, isBlank(lines[index]) { index += 1 }
    }

    /// Whether `text` starts with `prefix`, an ASCII string: by bytes on one-byte Characters.
    private func starts(_ text: Substring, with prefix: StaticString) -> Bool {
        guard ascii else { return text.hasPrefix(prefix.description) }
        let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        return text.utf8.starts(with: p)
    }

    private mutating func parseMapBlock(indent: Int) throws -> [YAMLPair] {
        var pairs: [YAMLPair] = []
        while true {
            skipBlank()
            guard index < lines.count else { break }
            let line = lines[index]
            if line.indent < indent { break }
            if line.indent > indent { throw ParseError(line: line.number, message: "unexpected indentation") }
            guard let (key, rest) = Self.splitKey(line.text) else {
                throw ParseError(line: line.number, message: "expected `key: value`")
            }
            index += 1
            let value = try parseValue(rest, line: line, parentIndent: indent)
            if pairs.contains(where: { $0.key == key }) {
                throw ParseError(line: line.number, message: "duplicate key `\(key)`")
            }
            pairs.append(YAMLPair(key: key, value: value))
        }
        return pairs
    }

    /// The value after `key:` (`rest`), or the indented block below it.
    private mutating func parseValue(_ rest: Substring, line: Line, parentIndent: Int) throws -> YAMLValue {
        let inline = Self.stripComment(rest).trimmed
        // (Each indicator is at most two bytes: longer values skip the six comparisons.)
        if inline.utf8.count <= 2,
           inline == "|" || inline == ">" || inline == "|-" || inline == ">-" || inline == "|+" || inline == ">+" {
            return .scalar(blockScalar(folded: inline.hasPrefix(">"), keep: inline.hasSuffix("+"),
                                       strip: inline.hasSuffix("-"), parentIndent: parentIndent))
        }
        if !inline.isEmpty { return try flowValue(inline, line: line.number) }
        // Nothing after the colon: a nested block, or null.
        skipBlank()
        guard index < lines.count else { return .scalar("") }
        let next = lines[index]
        if starts(next.text, with: "- ") || next.text == "-" {
            // YAML allows a block list at the same indentation as its key.
            return next.indent >= parentIndent ? .list(try parseListBlock(indent: next.indent)) : .scalar("")
        }
        guard next.indent > parentIndent else { return .scalar("") }
        return .map(try parseMapBlock(indent: next.indent))
    }

    private mutating func parseListBlock(indent: Int) throws -> [YAMLValue] {
        var items: [YAMLValue] = []
        while true {
            skipBlank()
            guard index < lines.count else { break }
            let line = lines[index]
            guard line.indent == indent, starts(line.text, with: "- ") || line.text == "-" else {
                if line.indent > indent { throw ParseError(line: line.number, message: "unexpected indentation") }
                break
            }
            index += 1
            let content: Substring
            let contentIndent: Int
            if ascii {
                let bytes = line.text.utf8
                var after = bytes.index(after: bytes.startIndex)
                while after < bytes.endIndex, bytes[after] == UInt8(ascii: " ") { after = bytes.index(after: after) }
                content = line.text[after...]
                contentIndent = indent + bytes.distance(from: bytes.startIndex, to: after)
            } else {
                content = line.text.dropFirst(1).drop(while: { $0 == " " })
                contentIndent = indent + (line.text.count - content.count)
            }
            if content.isEmpty || starts(content, with: "#") {
                skipBlank()
                if index < lines.count, lines[index].indent > indent {
                    let next = lines[index]
                    if starts(next.text, with: "- ") { items.append(.list(try parseListBlock(indent: next.indent))) } else {
                        items.append(.map(try parseMapBlock(indent: next.indent)))
                    }
                } else {
                    items.append(.scalar(""))
                }
            } else if let (key, rest) = Self.splitKey(content), !starts(content, with: "\""), !starts(content, with: "'"),
                      !starts(content, with: "[") {
                // `- key: value` opens a map whose further keys are indented like `key`.
                let first = try parseValue(rest, line: Line(number: line.number, indent: contentIndent, text: content,
                                                            raw: line.raw), parentIndent: contentIndent)
                var pairs = [YAMLPair(key: key, value: first)]
                skipBlank()
                if index < lines.count, lines[index].indent == contentIndent {
                    pairs += try parseMapBlock(indent: contentIndent)
                }
                items.append(.map(pairs))
            } else {
                items.append(try flowValue(Self.stripComment(content).trimmed, line: line.number))
            }
        }
        return items
    }

    private mutating func blockScalar(folded: Bool, keep: Bool, strip: Bool, parentIndent: Int) -> String {
        var collected: [Substring] = []
        var blockIndent: Int?
        while index < lines.count {
            let line = lines[index]
            if line.text.isEmpty { collected.append(""); index += 1; continue }
            if line.indent <= parentIndent { break }
            if blockIndent == nil { blockIndent = line.indent }
            if line.indent < blockIndent! { break }
            collected.append(line.raw.dropFirst(blockIndent!))
            index += 1
        }
        var trailing = 0
        while let last = collected.last, last.isEmpty { collected.removeLast(); trailing += 1 }
        var text: String
        if folded {
            text = ""
            for (i, part) in collected.enumerated() {
                if part.isEmpty {
                    text += "\n"
                } else {
                    if i > 0, !collected[i - 1].isEmpty { text += " " }
                    text += part
                }
            }
        } else {
            text = collected.joined(separator: "\n")
        }
        if strip { return text }
        return text + (keep ? String(repeating: "\n", count: trailing + 1) : "\n")
    }

    // MARK: scalars and flow lists

    /// Splits `key: rest` (the key may be quoted). Nil when the line is not a map entry.
    private static func splitKey(_ text: Substring) -> (String, Substring)? {
        if let quote = text.first, quote == "\"" || quote == "'" {
            guard let close = text.dropFirst().firstIndex(of: quote) else { return nil }
            let after = text[text.index(after: close)...]
            guard after.first == ":" else { return nil }
            let rest = after.dropFirst()
            guard rest.isEmpty || rest.first == " " else { return nil }
            return (String(text[text.index(after: text.startIndex)..<close]), rest)
        }
        guard let first = text.first, first != "-" || text.dropFirst().first != " ", first != "[", first != "{",
              first != "#" else { return nil }
        // Over ASCII, bytes are Characters: the first ":" byte followed by the end, or by a space that no
        // combining mark follows, is the first such Character. Anything else is looked at Character by Character.
        // (Walked by index: `bytes.indices` cost 0.17 M instructions of run-time type set-up on first use.)
        let bytes = text.utf8
        var b = bytes.startIndex
        while b != bytes.endIndex {
            let byte = bytes[b]
            if byte >= 0x80 { break }
            let next = bytes.index(after: b)
            if byte == UInt8(ascii: ":") {
                if next == bytes.endIndex { return Self.key(text[text.startIndex..<b], rest: text[next...]) }
                if bytes[next] == UInt8(ascii: " ") {
                    let afterSpace = bytes.index(after: next)
                    guard afterSpace == bytes.endIndex || bytes[afterSpace] < 0x80 else { break }
                    return Self.key(text[text.startIndex..<b], rest: text[next...])
                }
            }
            b = next
        }
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == ":" {
                let next = text.index(after: i)
                if next == text.endIndex || text[next] == " " { return Self.key(text[text.startIndex..<i], rest: text[next...]) }
            }
            i = text.index(after: i)
        }
        return nil
    }

    private static func key(_ key: Substring, rest: Substring) -> (String, Substring)? {
        let trimmed = key.trimmed
        return trimmed.isEmpty ? nil : (trimmed, rest)
    }

    /// Removes a ` # comment` outside quotes.
    private static func stripComment(_ text: Substring) -> Substring {
        if !holds(UInt8(ascii: "#"), text) { return text }
        var quote: Character?
        var previous: Character = " "
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if let q = quote {
                if c == "\\", q == "\"", next < text.endIndex {
                    i = text.index(after: next)
                    previous = "x"
                    continue
                }
                if c == q {
                    if q == "'", next < text.endIndex, text[next] == "'" {
                        i = text.index(after: next)
                        continue
                    }
                    quote = nil
                }
            } else if c == "\"" || c == "'" {
                if previous == " " || previous == "[" || previous == "," { quote = c }
            } else if c == "#", previous == " " || previous == "\t" {
                return text[..<i]
            }
            previous = c
            i = next
        }
        return text
    }

    /// Whether the UTF-8 of `text` holds `byte`.
    private static func holds(_ byte: UInt8, _ text: Substring) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { ByteScan.contains(byte, in: UnsafeRawBufferPointer($0)) }
            ?? text.utf8.contains(byte)
    }

    private func flowValue(_ text: String, line: Int) throws -> YAMLValue {
        if ascii { return try Self.asciiFlowValue(text, line: line) }
        return try Self.flowValue(text, line: line)
    }

    /// `flowValue` on one-byte Characters: list items cut at the byte, scalars without a quote or an escape
    /// taken as they are.
    private static func asciiFlowValue(_ text: String, line: Int) throws -> YAMLValue {
        let bytes = text.utf8
        guard bytes.first == UInt8(ascii: "[") else {
            if bytes.first == UInt8(ascii: "{") { throw ParseError(line: line, message: "flow maps `{…}` are not supported") }
            return .scalar(try asciiScalar(text[...], line: line))
        }
        guard bytes.last == UInt8(ascii: "]"), bytes.count >= 2 else { throw ParseError(line: line, message: "unclosed `[`") }
        let innerStart = bytes.index(after: bytes.startIndex), innerEnd = bytes.index(before: bytes.endIndex)
        var items: [YAMLValue] = []
        var quote: UInt8?
        var itemStart = innerStart
        var i = innerStart
        while i < innerEnd {
            let byte = bytes[i]
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ",") {
                items.append(.scalar(try asciiScalar(text[itemStart..<i].trimmed[...], line: line)))
                itemStart = bytes.index(after: i)
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                throw ParseError(line: line, message: "nested flow collections are not supported")
            }
            i = bytes.index(after: i)
        }
        if quote != nil { throw ParseError(line: line, message: "unclosed quote") }
        let last = text[itemStart..<innerEnd].trimmed
        if !last.isEmpty || !items.isEmpty { items.append(.scalar(try asciiScalar(last[...], line: line))) }
        return .list(items.filter { $0 != .scalar("") })
    }

    /// `scalar` on one-byte Characters.
    private static func asciiScalar(_ text: Substring, line: Int) throws -> String {
        let bytes = text.utf8
        guard let first = bytes.first, first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") else {
            let value = String(text)
            if value == "~" || value == "null" || value == "Null" || value == "NULL" { return "" }
            return value
        }
        guard bytes.count >= 2, bytes.last == first else { return try scalar(text, line: line) }
        let inner = text[bytes.index(after: bytes.startIndex)..<bytes.index(before: bytes.endIndex)]
        // Nothing to unescape: the text between the quotes (the Character code then appends each Character).
        if !holds(first == UInt8(ascii: "'") ? UInt8(ascii: "'") : UInt8(ascii: "\\"), inner) { return String(inner) }
        return try scalar(text, line: line)
    }

    private static func flowValue(_ text: String, line: Int) throws -> YAMLValue {
        if text.hasPrefix("[") {
            guard text.hasSuffix("]") else { throw ParseError(line: line, message: "unclosed `[`") }
            let inner = text.dropFirst().dropLast()
            var items: [YAMLValue] = []
            var current = ""
            var quote: Character?
            for c in inner {
                if let q = quote {
                    current.append(c)
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                    current.append(c)
                } else if c == "," {
                    items.append(.scalar(try scalar(current.trimmed[...], line: line)))
                    current = ""
                } else if c == "[" || c == "{" {
                    throw ParseError(line: line, message: "nested flow collections are not supported")
                } else {
                    current.append(c)
                }
            }
            if quote != nil { throw ParseError(line: line, message: "unclosed quote") }
            let last = current.trimmed
            if !last.isEmpty || !items.isEmpty { items.append(.scalar(try scalar(last[...], line: line))) }
            return .list(items.filter { $0 != .scalar("") })
        }
        if text.hasPrefix("{") { throw ParseError(line: line, message: "flow maps `{…}` are not supported") }
        return .scalar(try scalar(text[...], line: line))
    }

    private static func scalar(_ text: Substring, line: Int) throws -> String {
        if text.hasPrefix("\"") {
            guard text.count >= 2, text.hasSuffix("\""), !text.dropFirst().dropLast().hasSuffix("\\") || text.hasSuffix("\\\\\"") else {
                throw ParseError(line: line, message: "unclosed double quote")
            }
            return try unescapeDouble(text.dropFirst().dropLast(), line: line)
        }
        if text.hasPrefix("'") {
            guard text.count >= 2, text.hasSuffix("'") else { throw ParseError(line: line, message: "unclosed single quote") }
            var out = ""
            var previousQuote = false
            for c in text.dropFirst().dropLast() {
                if c == "'", previousQuote { previousQuote = false; continue }
                previousQuote = c == "'"
                out.append(c)
            }
            return out
        }
        let value = String(text)
        if value == "~" || value == "null" || value == "Null" || value == "NULL" { return "" }
        return value
    }

    private static func unescapeDouble(_ text: Substring, line: Int) throws -> String {
        var out = ""
        var iterator = text.makeIterator()
        while let c = iterator.next() {
            guard c == "\\" else { out.append(c); continue }
            guard let e = iterator.next() else { throw ParseError(line: line, message: "dangling backslash") }
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "0": out.append("\0")
            case "\"", "\\", "/", " ": out.append(e)
            case "u", "x", "U":
                let count = e == "x" ? 2 : e == "u" ? 4 : 8
                var hex = ""
                for _ in 0..<count { if let h = iterator.next() { hex.append(h) } }
                guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                    throw ParseError(line: line, message: "bad escape \\\(e)\(hex)")
                }
                out.unicodeScalars.append(scalar)
            default: throw ParseError(line: line, message: "unknown escape \\\(e)")
            }
        }
        return out
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs. Cut on bytes when the bytes next to the cuts are ASCII: a
    /// space or tab there is a Character of its own (an ASCII byte after it is no mark that would extend it,
    /// one before it no prepended mark that would take it in); otherwise Character by Character.
    var trimmed: String {
        let bytes = utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start = bytes.index(after: start) }
        if start == end { return "" }
        while bytes[bytes.index(before: end)] == 32 || bytes[bytes.index(before: end)] == 9 { end = bytes.index(before: end) }
        guard start == bytes.startIndex || bytes[start] < 0x80,
              end == bytes.endIndex || bytes[bytes.index(before: end)] < 0x80 else { return characterTrimmed }
        return String(self[start..<end])
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (`Substring.trimmed`).
    var trimmed: String { self[...].trimmed }
}

extension StringProtocol {
    /// The same, Character by Character.
    var characterTrimmed: String { trimming { $0 == " " || $0 == "\t" } }
}
