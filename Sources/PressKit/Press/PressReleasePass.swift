/// Press-release understanding as its own pass over the tree, shared by every reader (as a pandoc filter
/// would be). It moves what is not body text into the metadata:
/// - end marks (`###`, `-30-`, `- END -`, `-ends-`) are removed;
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
    public init() {}

    public func apply(to document: Document) -> Document {
        var flat = FlatBlocks(document.blocks)
        var metadata = document.metadata
        removeEndMarks(&flat)
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

    private func findHeadline(_ flat: inout FlatBlocks, _ metadata: inout Metadata) {
        guard let first = flat.live.first, let block = flat.entries[first].block else { return }
        if let title = metadata.title, !title.isEmpty {
            // The reader found the title elsewhere (<title>, front matter): drop its copy atop the body.
            let text = flat.entries[first].text.collapsingSpaces
            guard Self.isTextBlock(block), text.lowercased() == title.collapsingSpaces.lowercased() else { return }
            flat.remove(first)
            if metadata.subtitle == nil { findSubtitle(&flat, &metadata) }
            return
        }
        switch block {
        case .heading:
            let text = flat.entries[first].text.collapsingSpaces
            guard !text.isEmpty else { return }
            metadata.title = text
            flat.remove(first)
            if metadata.subtitle == nil { findSubtitle(&flat, &metadata) }
        case .paragraph:
            let lines = Self.lines(block)
            guard lines.count <= 2, let head = lines.first, Self.looksLikeHeadline(head) else { return }
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
            let allEmphasis = inlines.count == 1 && { if case .emphasis = inlines[0] { return true }; return false }()
            guard Self.lines(block).count == 1, allEmphasis || !Self.endsSentence(text) else { return }
            metadata.subtitle = text
            flat.remove(next)
        default:
            return
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
        if line.hasSuffix(".") {
            // "Acme Names Jane Doe CEO." is a headline; a long sentence is a lead paragraph.
            if length > 120 || line.dropLast().contains(". ") { return false }
        }
        if DatelineParser.parse(line) != nil { return false }
        return true
    }
}
