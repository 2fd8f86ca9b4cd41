/// A date found in text: day and month always, the year when the text gives it.
public struct DateMatch: Hashable, Sendable {
    public var year: Int?
    public var month: Int
    public var day: Int
    /// Where the date is written in the string it was found in.
    public var range: Range<String.Index>

    /// `YYYY-MM-DD`, when the year is known.
    public var iso: String? { year.map { DateNormalizer.iso(year: $0, month: month, day: day) } }
}

/// Finds and normalises dates to ISO 8601 (`YYYY-MM-DD`): "September 21, 2021", "Sept. 21, 2021",
/// "21 September 2021", "21.09.2021", "2021-09-21", "09/21/2021", with month names in English, German
/// ("3. März 2024"), French ("1er mars 2024"), Spanish ("3 de marzo de 2024") and Russian
/// ("21 сентября 2021 г."). Table-driven, no regular expressions.
public enum DateNormalizer {
    /// The ISO form of the first complete date in `text`, or nil. A full ISO 8601 timestamp
    /// ("2024-03-05T06:00:00Z") is kept whole; a date in any other form becomes `YYYY-MM-DD`.
    public static func normalize(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        if let timestamp = isoTimestamp(trimmed) { return timestamp }
        return firstDate(in: trimmed, allowPartial: false)?.iso
    }

    /// `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH[:MM]]` (a space instead of `T` is accepted and replaced).
    static func isoTimestamp(_ s: String) -> String? {
        let b = Array(s.utf8)
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= b.count else { return nil }
            var v = 0
            for k in at..<(at + n) {
                guard b[k] >= 48, b[k] <= 57 else { return nil }
                v = v * 10 + Int(b[k] - 48)
            }
            return v
        }
        guard b.count >= 16, let y = digits(0, 4), b[4] == UInt8(ascii: "-"), let mo = digits(5, 2),
              b[7] == UInt8(ascii: "-"), let d = digits(8, 2), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
              let h = digits(11, 2), h < 24, b[13] == UInt8(ascii: ":"), let mi = digits(14, 2), mi < 60,
              isValid(year: y, month: mo, day: d) else { return nil }
        var i = 16
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let sec = digits(i + 1, 2), sec <= 60 else { return nil }
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                let start = i
                while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
                guard i > start else { return nil }
            }
        }
        if i < b.count, b[i] == UInt8(ascii: "Z") {
            i += 1
        } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard let zh = digits(i + 1, 2), zh < 24 else { return nil }
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
            if i < b.count { guard digits(i, 2) != nil else { return nil }; i += 2 }
        }
        guard i == b.count else { return nil }
        return b[10] == UInt8(ascii: " ") ? String(s.prefix(10)) + "T" + String(s.dropFirst(11)) : s
    }

    /// The first date in `text`; with `allowPartial`, also a day and month without a year ("September 21").
    public static func firstDate(in text: String, allowPartial: Bool) -> DateMatch? {
        firstDate(in: text, allowPartial: allowPartial, slashDayFirst: nil)
    }

    /// The first date in `text`, reading an ambiguous `05/06/2023` day first when `slashDayFirst` is true,
    /// month first when false, and as `firstDate(in:allowPartial:)` does when nil.
    static func firstDate(in text: String, allowPartial: Bool, slashDayFirst: Bool?) -> DateMatch? {
        guard mayHoldDate(text) else { return nil }
        let tokens = DateTokenizer.tokens(text)
        var i = 0
        while i < tokens.count {
            if let m = match(tokens, at: i, slashDayFirst: slashDayFirst), allowPartial || m.year != nil { return m }
            i += 1
        }
        return nil
    }

    /// Every date in `text`, in order; partial ones (no year) included.
    public static func dates(in text: String) -> [DateMatch] {
        guard mayHoldDate(text) else { return [] }
        let tokens = DateTokenizer.tokens(text)
        var found: [DateMatch] = []
        var i = 0
        while i < tokens.count {
            if let m = match(tokens, at: i) {
                found.append(m)
                while i < tokens.count, tokens[i].range.lowerBound < m.range.upperBound { i += 1 }
            } else {
                i += 1
            }
        }
        return found
    }

    /// Whether `text` holds a digit `DateTokenizer` reads as a number. Every pattern of `match` needs a number
    /// token (a day, a month or a year), so text without one holds no date and need not be tokenized: most
    /// paragraphs of a release. Looked for on bytes; text with non-ASCII bytes and no ASCII digit is searched
    /// for the other scripts' digits (`DateTokenizer.digitValue`).
    static func mayHoldDate(_ text: String) -> Bool {
        var nonASCII = false
        for byte in text.utf8 {
            if byte &- 48 < 10 { return true }
            if byte >= 0x80 { nonASCII = true }
        }
        return nonASCII && text.unicodeScalars.contains { DateTokenizer.digitValue($0) != nil }
    }

    /// Whether `text` is nothing but a date (optionally with a weekday and trailing punctuation).
    static func isOnlyDate(_ text: String) -> DateMatch? {
        guard mayHoldDate(text) else { return nil }
        let tokens = DateTokenizer.tokens(text, limit: 16)
        guard tokens.count < 16 else { return nil }
        var i = 0
        while i < tokens.count, let w = tokens[i].word, isWeekday(w) || ["le", "den", "am", "on", "el"].contains(w) {
            i += 1
            while i < tokens.count, tokens[i].isMark(",") || tokens[i].isMark(".") { i += 1 }
        }
        guard i < tokens.count, let m = match(tokens, at: i) else { return nil }
        var j = i
        while j < tokens.count, tokens[j].range.lowerBound < m.range.upperBound { j += 1 }
        while j < tokens.count, case .mark = tokens[j].kind { j += 1 }
        return j == tokens.count ? m : nil
    }

    /// Whether a language writes `05/06/2023` day first: every language but American English (and English
    /// without a region, which on the web is mostly American). nil for an empty tag.
    static func readsSlashDayFirst(_ language: String) -> Bool? {
        let tag = String(language.fastLowercased().map { $0 == "_" ? "-" : $0 })
        guard !tag.isEmpty else { return nil }
        if tag == "en" || tag.hasPrefix("en-us") { return false }
        return true
    }

    static func iso(year: Int, month: Int, day: Int) -> String { CivilDate.iso(year: year, month: month, day: day) }

    static func isValid(year: Int?, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        if let year, !(1900...2100).contains(year) { return false }
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        if day > lengths[month - 1] { return false }
        if month == 2, day == 29, let year, !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) { return false }
        return true
    }

    /// Whether a lower-cased word names a weekday. An ASCII word can only equal an ASCII name, so the names
    /// in other scripts (whose hashing normalises Unicode, most of the cost of building one set of them all on
    /// first use) are hashed only once a text has such a word.
    static func isWeekday(_ lowercased: String) -> Bool {
        lowercased.utf8.allSatisfy { $0 < 0x80 } ? asciiWeekdays.contains(lowercased) : otherWeekdays.contains(lowercased)
    }

    private static let asciiWeekdays = Set(weekdayNames.filter { $0.utf8.allSatisfy { $0 < 0x80 } })
    private static let otherWeekdays = Set(weekdayNames.filter { !$0.utf8.allSatisfy { $0 < 0x80 } })

    static let weekdayNames: [String] = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
        "понеділок", "вівторок", "середа", "четвер", "пʼятниця", "п'ятниця", "субота", "неділя",
    ]

    // MARK: - Patterns

    /// A date starting at token `i`, or nil.
    static func match(_ t: [DateToken], at i: Int, slashDayFirst: Bool? = nil) -> DateMatch? {
        switch t[i].kind {
        case .number(let value, let digits):
            if digits == 4 { return yearFirst(t, i, year: value) }
            if digits <= 2 {
                return numeric(t, i, first: value, slashDayFirst: slashDayFirst) ?? dayMonthName(t, i, day: value)
            }
            return nil
        case .word(let w, let cap):
            if let month = MonthNames.month(w, capitalized: cap) { return monthNameDay(t, i, month: month) }
            return nil
        case .mark:
            return nil
        }
    }

    /// 2021-09-21, 2021/09/21, 2021.09.21 (and a timestamp's date part).
    private static func yearFirst(_ t: [DateToken], _ i: Int, year: Int) -> DateMatch? {
        guard i + 4 < t.count, case .mark(let sep) = t[i + 1].kind, sep == "-" || sep == "/" || sep == ".",
              let m = t[i + 2].number, m.digits <= 2, t[i + 3].isMark(sep),
              let d = t[i + 4].number, d.digits <= 2,
              !t[i + 1].spaceBefore, !t[i + 2].spaceBefore, !t[i + 3].spaceBefore, !t[i + 4].spaceBefore,
              isValid(year: year, month: m.value, day: d.value) else { return nil }
        return DateMatch(year: year, month: m.value, day: d.value, range: t[i].range.lowerBound..<t[i + 4].range.upperBound)
    }

    /// 21.09.2021, 21-09-2021, 09/21/2021 (slashes: month first unless the first number exceeds 12 or
    /// `slashDayFirst` says the page's language writes the day first; a second number above 12 is a day).
    private static func numeric(_ t: [DateToken], _ i: Int, first: Int, slashDayFirst: Bool? = nil) -> DateMatch? {
        guard i + 4 < t.count, case .mark(let sep) = t[i + 1].kind, sep == "-" || sep == "/" || sep == ".",
              let second = t[i + 2].number, second.digits <= 2, t[i + 3].isMark(sep),
              let y = t[i + 4].number, y.digits == 4,
              !t[i + 1].spaceBefore, !t[i + 2].spaceBefore, !t[i + 3].spaceBefore, !t[i + 4].spaceBefore
        else { return nil }
        var day = first, month = second.value
        if sep == "/" && first <= 12 && (slashDayFirst != true || second.value > 12) { (day, month) = (second.value, first) }
        guard isValid(year: y.value, month: month, day: day) else { return nil }
        return DateMatch(year: y.value, month: month, day: day, range: t[i].range.lowerBound..<t[i + 4].range.upperBound)
    }

    /// 21 September 2021, 3. März 2024, 1er mars 2024, 3 de marzo de 2024, 21 сентября 2021 г., 21 September.
    private static func dayMonthName(_ t: [DateToken], _ i: Int, day: Int) -> DateMatch? {
        var j = i + 1
        if j < t.count, t[j].isMark(".") { j += 1 }
        if j < t.count, !t[j].spaceBefore, let w = t[j].word, ["st", "nd", "rd", "th", "er", "eme", "ème", "º", "o"].contains(w) { j += 1 }
        if j < t.count, let w = t[j].word, w == "de" { j += 1 }
        guard j < t.count, case .word(let w, let cap) = t[j].kind, let month = MonthNames.month(w, capitalized: cap) else {
            return nil
        }
        var end = t[j].range.upperBound
        j += 1
        if j < t.count, t[j].isMark("."), !t[j].spaceBefore { end = t[j].range.upperBound; j += 1 }
        // The same month in a second calendar: "24 نيسان / أبريل 2020".
        if j + 1 < t.count, t[j].isMark("/"), case .word(let w2, let cap2) = t[j + 1].kind,
           MonthNames.month(w2, capitalized: cap2) == month {
            end = t[j + 1].range.upperBound
            j += 2
        }
        var k = j
        if k < t.count, let w = t[k].word, w == "de" || w == "del" { k += 1 }
        if k < t.count, t[k].isMark(",") { k += 1 }
        if k < t.count, let y = t[k].number, y.digits == 4, isValid(year: y.value, month: month, day: day) {
            end = t[k].range.upperBound
            k += 1
            if k < t.count, let w = t[k].word, w == "г" || w == "года" || w == "р" || w == "року" || w == "r" {
                end = t[k].range.upperBound
                if k + 1 < t.count, t[k + 1].isMark("."), !t[k + 1].spaceBefore { end = t[k + 1].range.upperBound }
            }
            return DateMatch(year: y.value, month: month, day: day, range: t[i].range.lowerBound..<end)
        }
        guard isValid(year: nil, month: month, day: day) else { return nil }
        return DateMatch(year: nil, month: month, day: day, range: t[i].range.lowerBound..<end)
    }

    /// September 21, 2021; Sept. 21, 2021; September 21st 2021; September 21 (no year).
    private static func monthNameDay(_ t: [DateToken], _ i: Int, month: Int) -> DateMatch? {
        var j = i + 1
        if j < t.count, t[j].isMark("."), !t[j].spaceBefore { j += 1 }
        guard j < t.count, let d = t[j].number, d.digits <= 2 else { return nil }
        // "March 3:30" is a time, not a date.
        if j + 1 < t.count, t[j + 1].isMark(":"), !t[j + 1].spaceBefore { return nil }
        var end = t[j].range.upperBound
        j += 1
        if j < t.count, !t[j].spaceBefore, let w = t[j].word, ["st", "nd", "rd", "th"].contains(w) {
            end = t[j].range.upperBound
            j += 1
        }
        var k = j
        if k < t.count, t[k].isMark(",") { k += 1 }
        if k < t.count, let y = t[k].number, y.digits == 4, isValid(year: y.value, month: month, day: d.value) {
            return DateMatch(year: y.value, month: month, day: d.value, range: t[i].range.lowerBound..<t[k].range.upperBound)
        }
        // "September 21, 2021" is a date; "September 2021" is not (the number is not a day).
        guard isValid(year: nil, month: month, day: d.value) else { return nil }
        return DateMatch(year: nil, month: month, day: d.value, range: t[i].range.lowerBound..<end)
    }
}
