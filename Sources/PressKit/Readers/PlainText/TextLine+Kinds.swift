/// A list item's marker: `-`, `*`, `•` (and a few other bullets) or `1.` / `1)`.
struct ListMarker {
    let ordered: Bool
    let number: Int
    /// "." or ")" for ordered lists.
    let delimiter: String
    /// The item's text after the marker.
    let text: String
    /// The column where the item's text starts.
    let contentIndent: Int
}

extension TextLine {
    /// The bullets a list item starts with (a switch: a `Set<Character>` hashes each Character, and building
    /// it was 0.23 M instructions of a small text release's first use of Character hashing).
    static func isBullet(_ character: Character) -> Bool {
        switch character {
        case "-", "*", "•", "·", "‣", "◦", "▪", "–", "+": return true
        default: return false
        }
    }

    /// The list marker this line starts with, if any.
    var listMarker: ListMarker? {
        guard let first = content.first else { return nil }
        if TextLine.isBullet(first) {
            let rest = content.dropFirst()
            guard let space = rest.first, space == " ", case let text = rest.drop(while: { $0 == " " }), !text.isEmpty
            else { return nil }
            return ListMarker(ordered: false, number: 1, delimiter: ".", text: String(text),
                              contentIndent: indent + content.count - text.count)
        }
        var number = 0, digits = 0
        var index = content.startIndex
        // At most three digits: a longer number is not a list marker (and could overflow).
        while index < content.endIndex, digits <= 3, let d = content[index].wholeNumberValue, content[index].isASCII {
            number = number * 10 + d
            digits += 1
            index = content.index(after: index)
        }
        guard digits >= 1, digits <= 3, index < content.endIndex else { return nil }
        let delimiter = content[index]
        guard delimiter == "." || delimiter == ")" else { return nil }
        let rest = content[content.index(after: index)...]
        guard rest.first == " " else { return nil }
        let text = rest.drop(while: { $0 == " " })
        guard !text.isEmpty else { return nil }
        return ListMarker(ordered: true, number: number, delimiter: String(delimiter), text: String(text),
                          contentIndent: indent + content.count - text.count)
    }

    /// 1 for a line of `=`, 2 for a line of `-` (at least three), else nil: a setext underline.
    var underlineLevel: Int? {
        guard content.utf8.count >= 3, let first = content.utf8.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "-"),
              content.utf8.allSatisfy({ $0 == first }) else { return nil }
        return first == UInt8(ascii: "=") ? 1 : 2
    }

    /// `***`, `* * *`, `---`, `___`, `===`: a thematic break (when it does not underline a line above).
    var isThematicBreak: Bool {
        var mark: UInt8 = 0, count = 0
        for b in content.utf8 {
            if b == 0x20 { continue }
            guard b == UInt8(ascii: "*") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: "=")
            else { return false }
            if mark == 0 { mark = b } else if b != mark { return false }
            count += 1
        }
        return count >= 3
    }

    /// A mixed-case subhead ("Cost and bills", "Next steps"): a short line standing alone between blank
    /// lines that starts with a capital, does not end like a sentence or a label, and holds no comma, period,
    /// address, link or list marker, and is not a closing ("Thank you"). The caller also asks for body
    /// paragraphs before and after it.
    var isSubhead: Bool {
        guard length <= 60, let first = content.unicodeScalars.first, first.properties.isUppercase,
              let last = content.last, !".,;:!?…–—-\"'”’)»".contains(last) else { return false }
        let words = content.split(separator: " ")
        guard (1...8).contains(words.count), listMarker == nil else { return false }
        // An attribution ("Jane Doe, CEO of Acme"), a site ("Visit acme.com") or a closing is not a subhead.
        if ContactLines.contains(content, ",") || ContactLines.contains(content, ".") || ContactLines.contains(content, "@")
            || ContactLines.contains(content, "://") {
            return false
        }
        return !Self.closings.contains(content.fastLowercased())
    }

    private static let closings: Set<String> = [
        "thank you", "thanks", "ends", "end", "more information", "for more information", "contact", "contacts",
        "for immediate release", "immediate release", "danke", "merci", "gracias",
    ]

    /// An ALL-CAPS line that reads as a heading: upper-case letters only, short, not a sentence, not a
    /// dateline ("BERLIN –", "NEW YORK--(BUSINESS WIRE)--") and not the start of a wrapped sentence
    /// (`next`, the following line of the same block, starting in lower case).
    func isCapsHeading(next: TextLine?) -> Bool {
        guard length <= 100 else { return false }
        var upper = 0, other = 0
        for s in content.unicodeScalars {
            // ASCII without a property lookup; any lower-case letter ends the test at once.
            if s.isASCII {
                let v = s.value
                if v >= 0x61 && v <= 0x7A { return false }
                if v >= 0x41 && v <= 0x5A { upper += 1 } else if v != 0x20 { other += 1 }
                continue
            }
            let p = s.properties
            if p.isLowercase { return false }
            if p.isUppercase { upper += 1 } else { other += 1 }
        }
        guard upper >= 2, upper >= other else { return false }
        guard let last = content.last, !",;–—-.".contains(last) else { return false }
        if ContactLines.contains(content, "WIRE)") || ContactLines.contains(content, "/PRNEWSWIRE/")
            || ContactLines.contains(content, "@") || ContactLines.contains(content, "://") || content.hasPrefix("WWW.") {
            return false
        }
        if let next, let c = next.content.first, c.isLowercase { return false }
        return true
    }
}
