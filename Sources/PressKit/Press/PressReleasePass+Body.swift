/// The steps of the press-release pass that work anywhere in the body: end marks, source lines, contact
/// blocks, "About" sections, language.
extension PressReleasePass {
    // MARK: Photo notes

    /// "[Photo: caption – img/photo.png]" on a paragraph of its own becomes a figure.
    func convertPhotoNotes(_ flat: inout FlatBlocks) {
        for i in flat.entries.indices {
            guard case .paragraph? = flat.entries[i].block, flat.entries[i].text.hasPrefix("["),
                  let figure = PhotoNotes.figure(flat.entries[i].text) else { continue }
            flat.replace(i, with: [.figure(figure)])
        }
    }

    // MARK: End marks

    func removeEndMarks(_ flat: inout FlatBlocks) {
        for i in flat.entries.indices {
            guard let block = flat.entries[i].block else { continue }
            switch block {
            case .paragraph(let inlines):
                let text = flat.entries[i].text
                if EndMarks.isEndMark(text) { flat.remove(i); continue }
                // "…the last sentence.<br>###"
                if inlines.contains(.lineBreak) {
                    var lines = InlineEditing.lines(inlines)
                    if let last = lines.last, EndMarks.isEndMark(last.plainText) {
                        lines.removeLast()
                        flat.replace(i, with: [.paragraph(InlineEditing.join(lines))])
                    }
                }
            case .heading(let level, let content, _):
                // Markdown reads a lone "###" as an empty level-3 heading.
                if (content.isEmpty && level == 3) || EndMarks.isEndMark(flat.entries[i].text) { flat.remove(i) }
            case .bulletList(let list):
                // Markdown reads "- END -" as a list item "END -".
                if list.items.count == 1, list.items[0].blocks.count <= 1,
                   EndMarks.isEndMark("- " + (list.items[0].blocks.first?.plainText ?? "")) {
                    flat.remove(i)
                }
            default:
                continue
            }
        }
    }

    // MARK: Source lines

    private static let sourceLabels: Set<String> = [
        "source url", "source", "source link", "original url", "original source", "url", "quelle", "quell-url",
        "источник", "fuente", "source de l'article", "originally published at", "read more at",
    ]

    private static let sourceFirstWords: Set<String> = {
        Set(sourceLabels.compactMap { $0.split(separator: " ").first.map(String.init) })
    }()

    /// A cheap test on a paragraph's first word before looking at its lines.
    /// (On bytes while the text is ASCII: a Character walk with `isLetter` was most of this pass on a long page.
    /// "SOURCE" needs no test of its own: "source" is one of the first words.)
    static func mightBeSourceLine(_ text: String) -> Bool {
        if let word = asciiLeadingWord(text, limit: 24) { return !word.isEmpty && sourceFirstWords.contains(word) }
        return generalMightBeSourceLine(text)
    }

    /// `mightBeSourceLine` Character by Character (any text).
    static func generalMightBeSourceLine(_ text: String) -> Bool {
        let word = text.prefix(24).prefix { $0.isLetter || $0 == "-" }
        return !word.isEmpty && (sourceFirstWords.contains(word.fastLowercased()) || word == "SOURCE")
    }

    func extractSourceLines(_ flat: inout FlatBlocks, _ metadata: inout Metadata) {
        let live = flat.live
        let lastFew = live.suffix(5)
        for i in live {
            guard case .paragraph(let inlines)? = flat.entries[i].block else { continue }
            let text = flat.entries[i].text
            guard text.utf8.count <= 2000, Self.mightBeSourceLine(text) else { continue }
            let lines = InlineEditing.lines(inlines, soft: true)
            guard let firstLine = lines.first else { continue }
            let lineText = firstLine.plainText.collapsingSpaces
            var value: String?
            if let colon = lineText.firstIndex(of: ":"), lineText.distance(from: lineText.startIndex, to: colon) <= 24,
               Self.sourceLabels.contains(lineText[..<colon].trimmingSpaces().fastLowercased()) {
                value = lineText[lineText.index(after: colon)...].trimmingSpaces()
            } else if lineText.hasPrefix("SOURCE "), lastFew.contains(i) {
                // PR Newswire closes with "SOURCE Acme Corp".
                value = String(lineText.dropFirst(7)).trimmingSpaces()
            }
            guard let value, !value.isEmpty else { continue }
            let url = InlineEditing.firstLinkTarget(firstLine)
                ?? (value.hasPrefix("http://") || value.hasPrefix("https://") ? value.trimmingCharacters("<>") : nil)
            if let url {
                if metadata.source == nil || metadata.source?.isEmpty == true { metadata.source = url }
            } else {
                // "Source: Acme Corp" at the end names the issuer.
                guard lastFew.contains(i), value.unicodeScalars.count <= 100 else { continue }
                if metadata.organization == nil { metadata.organization = Self.withoutFinalStop(value) }
            }
            let rest = InlineEditing.removingLines(inlines, soft: true, remove: [0])
            if rest.isEmpty { flat.remove(i) } else { flat.replace(i, with: [.paragraph(rest)]) }
        }
    }

    /// A name without its final full stop, unless the stop ends an abbreviation ("Acme Robotics, Inc.").
    static func withoutFinalStop(_ name: String) -> String {
        let trimmed = name.trimmingSpaces()
        guard trimmed.hasSuffix(".") else { return trimmed }
        let lastWord = trimmed.dropLast().split(separator: " ").last.map { $0.fastLowercased() } ?? ""
        let abbreviations: Set<String> = ["inc", "ltd", "corp", "co", "bros", "plc", "s.a", "n.v", "b.v", "e.v", "l.p", "p.c", "s.p.a", "a.g", "jr", "sr"]
        return abbreviations.contains(lastWord) ? trimmed : trimmed.trimmingCharacters(".")
    }

    // MARK: Contacts

    /// The first word of each contact label, found at the space byte: splitting the labels Character by
    /// Character (`split(separator:)`) cost 0.9 M instructions, a tenth of a small conversion.
    static let contactFirstWords: Set<String> = {
        var words = Set<String>(minimumCapacity: ContactParser.labelList.count)
        forEachContactFirstWord { words.insert(String(Substring($0))) }
        return words
    }()

    /// The first word of each of `ContactParser.labelList`, cut at the space byte.
    private static func forEachContactFirstWord(_ body: (Substring.UTF8View) -> Void) {
        for label in ContactParser.labelList {
            let bytes = label.utf8
            let start = bytes.firstIndex { $0 != UInt8(ascii: " ") } ?? bytes.endIndex
            let end = bytes[start...].firstIndex(of: UInt8(ascii: " ")) ?? bytes.endIndex
            if start < end { body(Substring(label)[start..<end].utf8) }
        }
    }

    /// The ASCII words of `contactFirstWords`, as bytes, from the label list (the sets cost 0.22 M
    /// instructions to build on first use, and an ASCII word can only equal an ASCII word).
    static let asciiContactFirstWords: ASCIIWordTable = {
        var table = ASCIIWordTable(capacity: ContactParser.labelList.count)
        forEachContactFirstWord { word in
            if word.allSatisfy({ $0 < 0x80 }) { table.insert(String(Substring(word)), value: 1) }
        }
        return table
    }()

    static func mightBeContactLabel(_ text: String) -> Bool {
        if let word = asciiLeadingWord(text, limit: 40) { return asciiContactFirstWords.value(word) != nil }
        return generalMightBeContactLabel(text)
    }

    /// The leading run of letters and hyphens among the first `limit` Characters, lower-cased, read on bytes
    /// while they are ASCII: nil when a non-ASCII byte comes before the run's end or right after it (it could
    /// join the Character before it). An ASCII byte is its own Character there, a letter exactly when it is
    /// an ASCII letter (`Character.isLetter` reads the first scalar).
    static func asciiLeadingWord(_ text: String, limit: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            var i = 0
            while i < bytes.count, out.count < limit {
                let byte = bytes[i]
                guard byte < 0x80 else { return nil }
                let lower = ASCIIText.lowercased(byte)
                guard (lower >= 0x61 && lower <= 0x7A) || byte == 0x2D else { break }
                out.append(lower)
                i += 1
            }
            if i < bytes.count, bytes[i] >= 0x80 { return nil }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `mightBeContactLabel` Character by Character (any text).
    static func generalMightBeContactLabel(_ text: String) -> Bool {
        let word = text.prefix(40).prefix { $0.isLetter || $0 == "-" }.fastLowercased()
        return contactFirstWords.contains(word)
    }

    func extractContacts(_ flat: inout FlatBlocks, _ metadata: inout Metadata) {
        var i = 0
        while i < flat.entries.count {
            defer { i += 1 }
            guard let block = flat.entries[i].block, Self.isTextBlock(block),
                  Self.mightBeContactLabel(flat.entries[i].text) else { continue }
            let lines = Self.lines(block, soft: true)
            guard let first = lines.first, let remainder = ContactParser.labelRemainder(first) else { continue }
            var contactLines = lines.dropFirst().map { $0 }
            if !remainder.isEmpty { contactLines.insert(remainder, at: 0) }
            var found: [Contact] = []
            if !contactLines.isEmpty {
                guard ContactParser.looksLikeContact(contactLines) else { continue }
                found += ContactParser.contacts(contactLines)
            }
            // Following blocks with more contact details (one person per paragraph, or one field per
            // paragraph: "Dr. Katrin Albers" / "Pressesprecherin" / "Tel.: …": short lines wait for the
            // paragraph with a phone or e-mail that closes them).
            var j = i + 1
            var taken: [Int] = []
            var pending: (lines: [String], indices: [Int]) = ([], [])
            while j < flat.entries.count {
                if flat.entries[j].isRemoved { j += 1; continue }
                guard case .paragraph? = flat.entries[j].block else { break }
                let next = Self.lines(flat.entries[j].blocks[0], soft: true)
                let reach = next.contains { ContactParser.email(in: $0) != nil || ContactParser.phone(in: $0) != nil }
                guard ContactParser.looksLikeContact(next) || !reach && next.count == 1 && next[0].unicodeScalars.count <= 60
                        && !Self.endsSentence(next[0]) && pending.lines.count < 4 else { break }
                if reach || next.count >= 2 {
                    found += ContactParser.contacts(pending.lines + next)
                    taken += pending.indices + [j]
                    pending = ([], [])
                } else {
                    pending.lines += next
                    pending.indices.append(j)
                }
                j += 1
            }
            // Short paragraphs that no phone or e-mail closed are not part of the block.
            if let first = pending.indices.first { j = first }
            guard !found.isEmpty else { continue }
            Self.merge(found, into: &metadata.contacts)
            flat.remove(i)
            for t in taken { flat.remove(t) }
            i = j - 1
        }
    }

    /// Adds the contacts found in the body to those already known (front matter, a page's metadata): one
    /// with the same e-mail address (or, without addresses, the same name) and no other name fills in what
    /// the known one lacks instead of being listed twice.
    static func merge(_ found: [Contact], into known: inout [Contact]) {
        // Only the contacts known before: two people of one block sharing a press inbox stay two.
        let before = known.count
        for contact in found {
            guard let index = known[..<before].firstIndex(where: { sameContact($0, contact) }) else {
                known.append(contact)
                continue
            }
            var merged = known[index]
            merged.name = merged.name ?? contact.name
            merged.role = merged.role ?? contact.role
            merged.organization = merged.organization ?? contact.organization
            merged.email = merged.email ?? contact.email
            merged.phone = merged.phone ?? contact.phone
            known[index] = merged
        }
    }

    private static func sameContact(_ a: Contact, _ b: Contact) -> Bool {
        if let x = a.name, let y = b.name, x.fastLowercased() != y.fastLowercased() { return false }
        if let x = a.email, let y = b.email { return x.fastLowercased() == y.fastLowercased() }
        if let x = a.name, let y = b.name { return x.fastLowercased() == y.fastLowercased() }
        return false
    }

    // MARK: About

    private static let aboutPrefixes = ["about ", "über ", "à propos de ", "a propos de ", "à propos d'", "acerca de ",
                                        "sobre ", "о компании ", "об ", "о "]

    /// The ASCII first bytes of `aboutPrefixes` (all lower-case letters).
    static let aboutInitials: Set<UInt8> = Set(aboutPrefixes.compactMap { $0.utf8.first.flatMap { $0 < 0x80 ? $0 : nil } })

    /// The organisation an "About X" line names, or nil.
    static func aboutName(_ line: String) -> String? {
        guard line.unicodeScalars.count <= 80, !line.hasSuffix("."), !endsSentence(line) || line.hasSuffix(":") else { return nil }
        let lower = line.fastLowercased()
        for prefix in aboutPrefixes where lower.hasPrefix(prefix) {
            var name = String(line.dropFirst(prefix.count)).trimmingCharacters(":«»\"“”„")
            // "À propos de la Bibliothèque", "Über die Stadtwerke", "Acerca de la Empresa": no article.
            for article in ["la ", "le ", "les ", "l'", "l’", "el ", "los ", "las ", "die ", "der ", "das ", "den "]
            where name.fastLowercased().hasPrefix(article) && name.count > article.count + 2 {
                name = String(name.dropFirst(article.count))
                break
            }
            let key = name.fastLowercased()
            if name.isEmpty || ["us", "this release", "the author", "the authors", "uns", "nous"].contains(key) { return nil }
            guard let f = name.first, f.isUppercase || key.hasPrefix("the ") else { return nil }
            return key.hasPrefix("the ") ? String(name.dropFirst(4)) : name
        }
        return nil
    }

    static func isAboutLine(_ line: String) -> Bool { aboutName(line) != nil }

    func markAboutSections(_ flat: inout FlatBlocks, _ metadata: inout Metadata) {
        for i in flat.live {
            guard let block = flat.entries[i].block else { continue }
            let text = flat.entries[i].text
            // A text whose first Character is an ASCII letter no prefix starts with (lower-cased) is no "About"
            // line. The second byte must be ASCII too: "U" and a combining diaeresis is a decomposed "Ü".
            let utf8 = text.utf8
            if let first = utf8.first, first < 0x80, utf8.dropFirst().first.map({ $0 < 0x80 }) ?? true,
               !Self.aboutInitials.contains(first | 0x20) { continue }
            let head = text.prefix(16).fastLowercased()
            guard Self.aboutPrefixes.contains(where: { head.hasPrefix($0) }) else { continue }
            switch block {
            case .heading:
                if let name = Self.aboutName(text.collapsingSpaces), metadata.organization == nil {
                    metadata.organization = Self.spelling(of: name, after: i, in: flat)
                }
            case .paragraph(let inlines):
                let firstLine = InlineEditing.lines(inlines, soft: true)[0].plainText.collapsingSpaces
                guard let name = Self.aboutName(firstLine) else { continue }
                if metadata.organization == nil { metadata.organization = name }
                let heading = Block.heading(level: 2, content: [.text(firstLine.trimmingCharacters(":"))], id: nil)
                let rest = InlineEditing.removingLines(inlines, soft: true, remove: [0])
                flat.replace(i, with: rest.isEmpty ? [heading] : [heading, .paragraph(rest)])
            default:
                continue
            }
        }
    }

    /// An ALL-CAPS name ("UNIVERSITY OF FENMOOR") as the boilerplate after it spells it, if it does.
    static func spelling(of name: String, after index: Int, in flat: FlatBlocks) -> String {
        guard !name.contains(where: { $0.isLowercase }),
              let next = flat.live.first(where: { $0 > index }) else { return name }
        let text = flat.entries[next].text
        let key = name.fastLowercased()
        let lower = text.fastLowercased()
        guard lower.count == text.count, let r = lower.firstRange(of: key) else { return name }
        let start = text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.lowerBound))
        let end = text.index(start, offsetBy: key.count)
        return String(text[start..<end])
    }

    // MARK: Language

    func guessLanguage(_ flat: FlatBlocks, _ metadata: Metadata) -> String? {
        var sample = metadata.title ?? ""
        for i in flat.live {
            sample += " " + flat.entries[i].text
            if sample.utf8.count > 4000 { break }
        }
        return LanguageGuesser.guess(sample)
    }
}
