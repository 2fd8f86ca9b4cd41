/// The steps of the press-release pass that read the top of a release: labels and embargo lines, date
/// lines, the dateline, and the release date with its year evidence.
extension PressReleasePass {
    /// How many blocks at the top may hold labels, embargo and date lines.
    static let topWindow = 6

    // MARK: Labels above the headline

    func removeTopLabels(_ flat: inout FlatBlocks, _ metadata: inout Metadata) {
        for i in flat.live.prefix(Self.topWindow) {
            guard let block = flat.entries[i].block, Self.isTextBlock(block), flat.entries[i].text.utf8.count <= 600 else {
                continue
            }
            var removed: [Int] = []  // each line index at most once, in order
            let lineInlines: [[Inline]]
            if case .paragraph(let inlines) = block { lineInlines = InlineEditing.lines(inlines, soft: true) } else {
                lineInlines = [[.text(flat.entries[i].text)]]
            }
            for (index, line) in lineInlines.enumerated() {
                let text = line.plainText.collapsingSpaces
                if ReleaseLabels.isLabel(text) {
                    removed.append(index)
                } else if let rest = ReleaseLabels.embargoText(text) {
                    if metadata.embargo == nil { metadata.embargo = ReleaseLabels.embargoTimestamp(rest) ?? rest }
                    removed.append(index)
                } else if removed.count == index, text.unicodeScalars.count <= 80, let (place, date) = Self.placeAndDateLine(text) {
                    // "March 3, 2024" or "Berlin, 3. März 2024" on a line of its own, before any other line.
                    if metadata.date == nil, let iso = date.iso, believable(date) {
                        metadata.date = iso; metadata.dateSource = "date line"
                    }
                    if let place, metadata.dateline == nil { metadata.dateline = place }
                    removed.append(index)
                }
            }
            guard !removed.isEmpty else { continue }
            if removed.count == lineInlines.count {
                flat.remove(i)
            } else if case .paragraph(let inlines) = block {
                flat.replace(i, with: [.paragraph(InlineEditing.removingLines(inlines, soft: true, remove: removed))])
            }
        }
    }

    /// A line that is only a date, or a place and a date: "Tuesday, March 5, 2024", "Berlin, 3. März 2024".
    static func placeAndDateLine(_ line: String) -> (String?, DateMatch)? {
        if let date = DateNormalizer.isOnlyDate(line), date.year != nil { return (nil, date) }
        guard let date = DateNormalizer.firstDate(in: line, allowPartial: false) else { return nil }
        let tail = String(line[date.range.upperBound...]).trimmingCharacters(".:–—-")
        guard tail.isEmpty else { return nil }
        let place = String(line[..<date.range.lowerBound]).trimmingCharacters(",")
        var words = place.split(separator: " ").map(String.init)
        while let last = words.last, ["le", "den", "am", "el", "on"].contains(last.fastLowercased())
                || DateNormalizer.isWeekday(last.trimmingCharacters(",").fastLowercased()) {
            words.removeLast()
        }
        let cleaned = words.joined(separator: " ").trimmingCharacters(",")
        guard cleaned.unicodeScalars.count <= 40, words.count <= 4,
              words.allSatisfy({ $0.first?.isUppercase ?? false }) else { return nil }
        return (cleaned.isEmpty ? nil : cleaned, date)
    }

    // MARK: Dateline and date

    /// Whether a paragraph holds pictures and nothing else but white space (also a picture inside a link).
    static func holdsPicturesOnly(_ inlines: [Inline]) -> Bool {
        holdsImage(inlines) && PlainTextProjection(imageText: false).text(inlines).allSatisfy(\.isWhitespace)
    }

    func findDate(_ flat: inout FlatBlocks, _ metadata: inout Metadata) {
        var partial: DateMatch?
        var origin = "text"
        // The dateline opens one of the first two paragraphs.
        var paragraphsSeen = 0
        for i in flat.live {
            guard case .paragraph(let inlines)? = flat.entries[i].block else {
                if paragraphsSeen > 0 { break } else { continue }
            }
            // A lead photo standing alone in its paragraph is no text paragraph.
            if Self.holdsPicturesOnly(inlines) { continue }
            paragraphsSeen += 1
            if paragraphsSeen > 2 { break }
            let text = inlines.plainText
            guard let dateline = DatelineParser.parse(text) else { continue }
            if let place = dateline.place, metadata.dateline == nil { metadata.dateline = place }
            if let date = dateline.date {
                if let iso = date.iso {
                    if metadata.date == nil, believable(date) { metadata.date = iso; metadata.dateSource = "dateline" }
                } else {
                    partial = date
                    origin = "dateline"
                }
            }
            let rest = InlineEditing.dropPrefix(inlines, scalars: dateline.length)
            if rest.isEmpty { flat.remove(i) } else { flat.replace(i, with: [.paragraph(rest)]) }
            break
        }
        if metadata.date == nil, partial == nil {
            // The first date written in the opening paragraphs.
            var seen = 0
            for i in flat.live {
                guard case .paragraph? = flat.entries[i].block else { continue }
                seen += 1
                if seen > 3 { break }
                let head = String(flat.entries[i].text.prefix(1000))
                let dayFirst = metadata.language.flatMap(DateNormalizer.readsSlashDayFirst)
                guard let date = DateNormalizer.firstDate(in: head, allowPartial: true, slashDayFirst: dayFirst) else {
                    continue
                }
                if date.year != nil, !believable(date) { continue }
                if let iso = date.iso {
                    metadata.date = iso
                    metadata.dateSource = "text"
                } else {
                    partial = date
                }
                break
            }
        }
        if metadata.date == nil, let partial {
            let texts = flat.live.map { flat.entries[$0].text }
            if let (year, evidence) = YearEvidence.year(for: partial, source: metadata.source, embargo: metadata.embargo,
                                                        texts: texts),
               DateNormalizer.isValid(year: year, month: partial.month, day: partial.day),
               believable(DateMatch(year: year, month: partial.month, day: partial.day, range: partial.range)) {
                metadata.date = DateNormalizer.iso(year: year, month: partial.month, day: partial.day)
                metadata.dateSource = "\(origin), year from \(evidence)"
            }
        }
        if metadata.date == nil, let source = metadata.source, let iso = YearEvidence.dateInURL(source),
           let d = CivilDate.day(iso), PublicationDay.isBelievable(year: d.year, month: d.month, day: d.day, now: referenceTime) {
            metadata.date = iso
            metadata.dateSource = "source URL"
        }
    }

    /// Whether a full date can be the release's: not before 1995 and not after the reference day (with a
    /// day of grace for time zones).
    func believable(_ date: DateMatch) -> Bool {
        guard let year = date.year else { return true }
        return PublicationDay.isBelievable(year: year, month: date.month, day: date.day, now: referenceTime)
    }
}
