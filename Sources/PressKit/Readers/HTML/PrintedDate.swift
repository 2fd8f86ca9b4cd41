/// A date printed in a page's text near its headline or byline: "17. Mai 2023", "May 17, 2023",
/// "17.05.2023", "2023-05-17", short years ("30.10.23", "8.5.12"), "2020年07月03日"; with what the words
/// around it say ("published"/"veröffentlicht" or "updated"/"aktualisiert"), and never a copyright year.
struct PrintedDate {
    enum Cue { case none, published, updated }

    var date: PageTimestamp
    var cue: Cue

    private static let publishedWords = SubstringSet([
        "published", "posted", "veröffentlicht", "erschienen", "publié", "publicado", "pubblicato", "gepubliceerd",
        "opublikowano", "опубликовано", "опубліковано", "datum", "date", "fecha", "data:", "publicat",
    ])
    private static let updatedWords = SubstringSet([
        "updated", "update:", "modified", "aktualisiert", "geändert", "stand:", "mis à jour", "modifié",
        "actualizado", "actualización", "aggiornato", "bijgewerkt", "zaktualizowano", "обновлено", "оновлено",
        "last edited", "zuletzt", "atualizado", "actualizat",
    ])
    private static let copyrightWords = SubstringSet(["©", "copyright", "(c) "])

    /// The first full date in a short text, or nil (also nil for a copyright line or a relative date).
    /// `slashDayFirst`: how to read an ambiguous `05/06/2023` (nil: month first unless the first number
    /// exceeds 12); `persian`: the page is Persian, so a numeric date of a Solar Hijri year (`1399/04/02`)
    /// is one; `shape`: the text's `TextShape` when the caller has it.
    static func find(in text: String, slashDayFirst: Bool? = nil, persian: Bool = false,
                     shape: TextShape? = nil) -> PrintedDate? {
        let shape = shape ?? TextShape(text)
        guard shape.count <= 200, shape.mayHoldDate else { return nil }
        // The cheap forms first; the tokenizer once; the cues only once a date is found.
        var found: PageTimestamp?
        if shape.longestDigitRun >= 4 || shape.hasNativeDigits {
            let trimmedFirst = text.utf8.first { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }
            if let f = trimmedFirst, f >= 48, f <= 57, let ts = PageTimestamp.parse(text) {
                found = ts
            } else if let d = DateNormalizer.firstDate(in: text, allowPartial: false, slashDayFirst: slashDayFirst),
                      let y = d.year {
                found = PageTimestamp(year: y, month: d.month, day: d.day)
            } else if text.unicodeScalars.contains(where: { $0 == "年" || $0 == "년" }) {
                found = eastAsian(text)
            } else if let d = SolarHijri.firstDate(in: text) {
                found = d
            } else if persian, let d = SolarHijri.firstNumericDate(in: text) {
                found = d
            }
        }
        if found == nil, shape.hasDottedDigits, let short = shortNumeric(text) {
            found = short
        }
        guard var date = found, PublicationDay.years.contains(date.year),
              DateNormalizer.isValid(year: date.year, month: date.month, day: date.day) else { return nil }
        let lower = text.fastLowercased()
        if lower.hasAnySubstring(copyrightWords) { return nil }
        if date.minuteOfDay == nil { date.minuteOfDay = clockTime(lower) }
        return PrintedDate(date: date, cue: cue(lowercased: lower))
    }

    /// What the words of a short text (a label such as "Veröffentlicht am") say about a date beside them.
    static func cue(of text: String) -> Cue {
        guard !text.isEmpty, text.utf8.count <= 200 else { return .none }
        return cue(lowercased: text.fastLowercased())
    }

    private static func cue(lowercased lower: String) -> Cue {
        if lower.hasAnySubstring(updatedWords) { return .updated }
        if lower.hasAnySubstring(publishedWords) { return .published }
        return .none
    }

    /// The first clock time of a lower-cased short text, in minutes since midnight: `23:15`, `9:10 p.m.`,
    /// `11:15 pm`, `4:38\u{A0}PM`, `23h15` (French); `23.15 Uhr` is not read (`23.15` is also a day and month).
    static func clockTime(_ lower: String) -> Int? {
        let b = Array(lower.utf8)
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < b.count && b[k] &- 48 < 10 }
        var i = 0
        while i < b.count {
            guard isDigit(i), !isDigit(i - 1), i == 0 || (b[i - 1] != UInt8(ascii: ".") && b[i - 1] != UInt8(ascii: ":")
                                                          && b[i - 1] != UInt8(ascii: "/") && b[i - 1] != UInt8(ascii: "-"))
            else { i += 1; continue }
            var k = i, hour = 0
            while isDigit(k), k - i < 3 { hour = hour * 10 + Int(b[k] - 48); k += 1 }
            guard k - i <= 2, k < b.count, b[k] == UInt8(ascii: ":") || b[k] == UInt8(ascii: "h"),
                  isDigit(k + 1), isDigit(k + 2), !isDigit(k + 3) else { i = k + 1; continue }
            let minute = Int(b[k + 1] - 48) * 10 + Int(b[k + 2] - 48)
            guard hour < 24, minute < 60 else { i = k + 1; continue }
            // `am`/`pm`, `a.m.`/`p.m.`, after an optional space (a `:ss` of seconds skipped).
            var j = k + 3
            if j + 2 < b.count, b[j] == UInt8(ascii: ":"), isDigit(j + 1), isDigit(j + 2) { j += 3 }
            // A space, a no-break space (C2 A0) or a narrow one (E2 80 AF, as ICU writes "4:38 PM").
            if j < b.count, b[j] == UInt8(ascii: " ") {
                j += 1
            } else if j + 1 < b.count, b[j] == 0xC2, b[j + 1] == 0xA0 {
                j += 2
            } else if j + 2 < b.count, b[j] == 0xE2, b[j + 1] == 0x80, b[j + 2] == 0xAF {
                j += 3
            }
            var suffix = 0
            if j + 1 < b.count, b[j] == UInt8(ascii: "a") || b[j] == UInt8(ascii: "p") {
                if b[j + 1] == UInt8(ascii: "m") {
                    suffix = 2
                } else if j + 2 < b.count, b[j + 1] == UInt8(ascii: "."), b[j + 2] == UInt8(ascii: "m") {
                    suffix = 3
                }
            }
            // A word that only begins with the letters ("11:15 amtlich") is none.
            if suffix > 0, j + suffix < b.count, b[j + suffix] &- 0x61 < 26 { suffix = 0 }
            if suffix > 0 {
                guard (1...12).contains(hour) else { i = k + 1; continue }
                return (hour % 12 + (b[j] == UInt8(ascii: "p") ? 12 : 0)) * 60 + minute
            }
            return hour * 60 + minute
        }
        return nil
    }

    /// `d.m.yy` with a two-digit year ("30.10.23", "8.5.12"), in a text of a few words.
    static func shortNumeric(_ text: String) -> PageTimestamp? {
        guard text.utf8.count <= 60 else { return nil }
        let b = Array(text.utf8)
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < b.count && b[k] >= 48 && b[k] <= 57 }
        var i = 0
        while i < b.count {
            guard isDigit(i), !isDigit(i - 1), b[safe: i - 1] != UInt8(ascii: ".") else { i += 1; continue }
            var k = i
            var parts: [Int] = []
            var yearDigits = 0
            while parts.count < 3 {
                let start = k
                var v = 0
                while isDigit(k), k - start < 4 { v = v * 10 + Int(b[k] - 48); k += 1 }
                guard k > start, k - start <= 2 else { break }
                parts.append(v)
                yearDigits = k - start
                if parts.count < 3 { guard k < b.count, b[k] == UInt8(ascii: ".") else { break }; k += 1 }
            }
            if parts.count == 3, yearDigits == 2, !isDigit(k), b[safe: k] != UInt8(ascii: "."),
               (1...31).contains(parts[0]), (1...12).contains(parts[1]) {
                let year = parts[2] < 90 ? 2000 + parts[2] : 1900 + parts[2]
                return PageTimestamp(year: year, month: parts[1], day: parts[0])
            }
            i = k + 1
        }
        return nil
    }

    /// `2020年07月03日` (Chinese and Japanese), `2020년 7월 3일` (Korean).
    static func eastAsian(_ text: String) -> PageTimestamp? {
        var numbers: [Int] = []
        var current: Int?
        for scalar in text.unicodeScalars {
            if scalar.value >= 48, scalar.value <= 57 {
                current = (current ?? 0) * 10 + Int(scalar.value - 48)
                continue
            }
            if let c = current {
                let marks: [Unicode.Scalar] = numbers.count == 0 ? ["年", "년"] : numbers.count == 1 ? ["月", "월"] : ["日", "일"]
                if marks.contains(scalar) {
                    numbers.append(c)
                    if numbers.count == 3 { return PageTimestamp(year: numbers[0], month: numbers[1], day: numbers[2]) }
                } else {
                    numbers = []
                }
                current = nil
            } else if scalar != " " {
                if !numbers.isEmpty, scalar != " " { numbers = [] }
            }
        }
        return nil
    }
}

extension Array where Element == UInt8 {
    fileprivate subscript(safe index: Int) -> UInt8? { index >= 0 && index < count ? self[index] : nil }
}
