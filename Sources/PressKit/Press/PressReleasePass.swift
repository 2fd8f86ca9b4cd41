/// Press-release understanding as its own pass over the tree, shared by every reader (as a pandoc filter
/// would be). It moves what is not body text into the metadata:
/// - end marks (`###`, `-30-`, `- END -`, `-ends-`) are removed;
/// - photo notes (`[Photo: caption – img/photo.png]`) become figures;
/// - `Source URL: <…>` / `Source:` lines set `source` and leave the body;
/// - contact blocks ("Media contact", "Press contact:", "Contact:", "Pressekontakt" …) become `contacts`;
/// - labels above the headline ("FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL …" → `embargo`) are removed;
/// - the headline (first heading or first short line) becomes `title`, a short line after it `subtitle`,
///   unless the reader already set a title (a copy of it at the top of the body is then removed);
/// - a dateline ("BERLIN, March 3, 2024 –") sets `dateline` and `date` and is cut from its paragraph;
/// - otherwise the first date in the opening paragraphs sets `date`; a day and month without a year take
///   the year from the source URL, another date, a copyright line or the embargo (`dateSource` says which);
/// - an "About X" line becomes a heading and may set `organization`; `language` is guessed if unknown.
/// A pure function, linear in the document's size.
public struct PressReleasePass: Sendable {
    /// Seconds since 1970: no date after this day (and a day of grace) is the release's date; nil: no check.
    public var referenceTime: Int?

    public init(referenceTime: Int? = nil) { self.referenceTime = referenceTime }

    public func apply(to document: Document) -> Document {
        var flat = FlatBlocks(document.blocks)
        var metadata = document.metadata
        removeEndMarks(&flat)
        convertPhotoNotes(&flat)
        extractSourceLines(&flat, &metadata)
        extractContacts(&flat, &metadata)
        removeTopLabels(&flat, &metadata)
        findHeadline(&flat, &metadata)
        findDate(&flat, &metadata)
        markAboutSections(&flat, &metadata)
        if metadata.language == nil || metadata.language?.isEmpty == true {
            metadata.language = guessLanguage(flat, metadata)
        }
        return Document(metadata: metadata, blocks: flat.rebuild(document.blocks))
    }

    // MARK: - Helpers shared by the steps

    /// A paragraph's or heading's lines as plain text (paragraphs split at hard line breaks).
    static func lines(_ block: Block, soft: Bool = false) -> [String] {
        switch block {
        case .paragraph(let inlines): return InlineEditing.lines(inlines, soft: soft).map { $0.plainText.collapsingSpaces }
        case .heading(_, let inlines, _): return [inlines.plainText.collapsingSpaces]
        default: return []
        }
    }

    static func isTextBlock(_ block: Block?) -> Bool {
        switch block {
        case .paragraph?, .heading?: return true
        default: return false
        }
    }

    // MARK: - Headline

    private func findHeadline(_ flat: inout FlatBlocks, _ metadata: inout Metadata, placeLineSeen: Bool = false) {
        guard let first = flat.live.first, let block = flat.entries[first].block else { return }
        if let title = metadata.title, !title.isEmpty {
            // The reader found the title elsewhere (<title>, front matter): drop its copy atop the body.
            let text = flat.entries[first].text.collapsingSpaces
            let key = text.fastLowercased(), titleKey = title.collapsingSpaces.fastLowercased()
            if Self.isTextBlock(block), key == titleKey {
                flat.remove(first)
            } else if case .heading(let level, _, _) = block, level <= 2, key.unicodeScalars.count >= 10,
                      titleKey.contains(key) {
                // <title>Headline | Site</title> over <h1>Headline</h1>: the heading is the headline.
                metadata.title = text
                flat.remove(first)
            } else {
                return
            }
            if metadata.subtitle == nil { findSubtitle(&flat, &metadata) }
            return
        }
        let firstText = flat.entries[first].text.collapsingSpaces
        if !placeLineSeen, Self.isPlaceLine(firstText), flat.live.count > 1 {
            if metadata.dateline == nil { metadata.dateline = firstText }
            flat.remove(first)
            return findHeadline(&flat, &metadata, placeLineSeen: true)
        }
        switch block {
        case .heading:
            let text = firstText
            guard !text.isEmpty else { return }
            metadata.title = text
            flat.remove(first)
            if metadata.subtitle == nil { findSubtitle(&flat, &metadata) }
        case .paragraph(let inlines):
            let lines = Self.lines(block)
            guard !Self.holdsImage(inlines), lines.count <= 2, let head = lines.first, Self.looksLikeHeadline(head) else { return }
            metadata.title = head
            flat.remove(first)
            if lines.count == 2, lines[1].unicodeScalars.count <= 250, metadata.subtitle == nil {
                metadata.subtitle = lines[1]
            } else if metadata.subtitle == nil {
                findSubtitle(&flat, &metadata)
            }
        default:
            return
        }
    }

    private func findSubtitle(_ flat: inout FlatBlocks, _ metadata: inout Metadata) {
        guard let next = flat.live.first, let block = flat.entries[next].block else { return }
        let text = flat.entries[next].text.collapsingSpaces
        guard !text.isEmpty, text.unicodeScalars.count <= 250, DatelineParser.parse(text) == nil,
              ContactParser.labelRemainder(text) == nil, !Self.isAboutLine(text) else { return }
        switch block {
        case .heading:
            metadata.subtitle = text
            flat.remove(next)
        case .paragraph(let inlines):
            // Images would vanish into a plain-text subtitle (issue 19): a paragraph holding one stays a paragraph.
            guard !Self.holdsImage(inlines) else { return }
            let allEmphasis = inlines.count == 1 && { if case .emphasis = inlines[0] { return true }; return false }()
            guard Self.lines(block).count == 1, allEmphasis || !Self.endsSentence(text) else { return }
            metadata.subtitle = text
            flat.remove(next)
        default:
            return
        }
    }

    /// Whether inlines hold an image (at any depth).
    static func holdsImage(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .image: return true
            case .link(let link): return holdsImage(link.content)
            case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c), .superscript(let c),
                 .subscript(let c):
                return holdsImage(c)
            case .text, .code, .softBreak, .lineBreak, .raw, .note: return false
            }
        }
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".:;,".contains(last) || (last == "\"" || last == "”" || last == "»") && text.dropLast().last == "."
    }

    /// A first line that reads as a headline: short, not a sentence ending in a full stop (unless short),
    /// not a dateline and not a contact or end line.
    static func looksLikeHeadline(_ line: String) -> Bool {
        let length = line.unicodeScalars.count
        guard length >= 2, length <= 200, let first = line.first, !first.isLowercase else { return false }
        if line.hasSuffix(":") || line.hasSuffix(",") || line.hasSuffix(";") { return false }
        // Headlines do not end with a full stop (unless an abbreviation: "… Acme Inc.").
        if line.hasSuffix("."), !endsWithAbbreviation(line) { return false }
        if ContactLines.contains(line, "://") || ContactLines.contains(line, "www.") || ContactLines.contains(line, "@") {
            return false
        }
        if hasInnerSentenceBreak(line) { return false }
        if DatelineParser.parse(line) != nil { return false }
        return true
    }

    /// "Inc.", "Corp.", "Ltd.", "Co.", "S.A.": a short capitalised word before the final dot.
    private static func endsWithAbbreviation(_ line: String) -> Bool {
        let word = line.dropLast().reversed().prefix { $0 != " " }
        guard let first = word.last, first.isUppercase else { return false }
        return word.count <= 4
    }

    /// "Good morning! This is …", "… its advertiser. All opinions …": two sentences are not a headline.
    static func hasInnerSentenceBreak(_ line: String) -> Bool {
        let chars = Array(line)
        var i = 1
        while i + 2 < chars.count {
            let c = chars[i]
            if (c == "." || c == "!" || c == "?"), chars[i + 1] == " ", chars[i + 2].isUppercase {
                if c != "." { return true }
                // The word before the dot: a real word (not "Inc", "U.S", "Dr") ends a sentence.
                var j = i - 1, letters = 0, lower = true
                while j >= 0, chars[j].isLetter { letters += 1; if chars[j].isUppercase { lower = false }; j -= 1 }
                if letters >= 4 && lower { return true }
            }
            i += 1
        }
        return false
    }

    /// "BAAR, SWITZERLAND" standing alone above the text: a dateline, not a headline.
    static func isPlaceLine(_ line: String) -> Bool {
        guard line.contains(","), line.unicodeScalars.count <= 40, line.split(separator: " ").count <= 4 else { return false }
        var upper = 0
        for s in line.unicodeScalars {
            if s.properties.isLowercase || (s.value >= 48 && s.value <= 57) { return false }
            if s.properties.isUppercase { upper += 1 }
        }
        return upper >= 4
    }
}
