/// Searching text for a short separator (" | ", ": ", " #") as the Character-level search of the standard
/// library finds it, on bytes: a byte match counts when it starts and ends on Character boundaries. The
/// Character search (`firstRange(of:)`, `split(separator:)` with a string) goes through
/// _StringProcessing, which builds a `[Character: Int]` skip table on every call.
enum CharacterSearch {
    /// `title.firstRange(of: separator)` (the Character search), on bytes: the first byte match that starts
    /// and ends on Character boundaries (each of a separator's characters stands alone, so between two
    /// boundaries the bytes are its Characters). In ASCII every byte boundary is one but inside CR LF, which
    /// no separator starts or ends in; only matches in text with other characters are checked.
    static func firstRange(of separator: String, in title: String) -> Range<String.Index>? {
        guard separatorOnBytes(separator) else { return separator.isEmpty ? nil : title.firstRange(of: separator) }
        guard let (lower, upper) = separatorOffsets(of: separator, in: title, first: true).first else { return nil }
        let utf8 = title.utf8
        return utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)
    }

    /// `text.split(separator: separator, omittingEmptySubsequences: false)` (the Character split), on bytes as
    /// `firstRange`: the matches left to right, each search going on after the last match.
    static func split(_ text: String, at separator: String) -> [String] {
        guard separatorOnBytes(separator) else {
            return text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        }
        let matches = separatorOffsets(of: separator, in: text, first: false)
        guard !matches.isEmpty else { return [text] }
        var pieces: [String] = []
        pieces.reserveCapacity(matches.count + 1)
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (lower, upper) in matches {
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<lower]), as: UTF8.self))
                start = upper
            }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        }
        return pieces
    }

    /// Whether a separator can be searched for on bytes: not empty, no line break at its edges (CR LF is one
    /// Character), no combining mark (which would join the character before it).
    private static func separatorOnBytes(_ separator: String) -> Bool {
        guard let first = separator.utf8.first, first != 10, separator.utf8.last != 13 else { return false }
        return separator.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .nonspacingMark })
    }

    /// The UTF-8 offsets of the separator's byte matches that start and end on Character boundaries, left to
    /// right and not overlapping (only the first when `first`).
    private static func separatorOffsets(of separator: String, in title: String, first: Bool) -> [(Int, Int)] {
        let text = title
        var title = title, separator = separator
        let ascii = title.withUTF8(ASCIIText.isASCII)
        var found: [(Int, Int)] = []
        title.withUTF8 { h in
            separator.withUTF8 { n in
                var start = 0
                while start < h.count, let offset = ByteScan.firstOffset(of: n, in: UnsafeBufferPointer(rebasing: h[start...])) {
                    let lower = start + offset, upper = lower + n.count
                    if ascii || isBoundary(lower, in: text) && isBoundary(upper, in: text) {
                        found.append((lower, upper))
                        if first { return }
                        start = upper
                    } else {
                        start = lower + 1
                    }
                }
            }
        }
        return found
    }

    /// Whether UTF-8 offset `offset` of `text` is a Character boundary.
    static func isBoundary(_ offset: Int, in text: String) -> Bool {
        if offset == 0 || offset == text.utf8.count { return true }
        return String.Index(text.utf8.index(text.utf8.startIndex, offsetBy: offset), within: text) != nil
    }
}
