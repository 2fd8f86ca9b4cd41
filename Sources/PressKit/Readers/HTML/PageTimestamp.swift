/// A publication time as pages write it in their metadata: ISO 8601 (`2023-11-08T22:35:29-08:00`,
/// `2023-11-08 18:09:55`, `20200413T16:38:07Z`, a bare day), Unix seconds or milliseconds
/// (`1588388400`), RFC 2822 (`Fri, 01 May 2020 23:00:00 -0400`), JavaScript's `Date.toString()`
/// (`Mon Aug 24 2020 21:14:08 GMT+0000`). Keeps the day as written, the clock time and the zone, so that
/// a UTC instant can be moved to the publisher's own day.
struct PageTimestamp: Equatable {
    var year: Int
    var month: Int
    var day: Int
    /// Minutes since midnight of the written clock time, when one is given.
    var minuteOfDay: Int?
    /// Seconds of the written clock time (to tell one instant written in two zones apart from another).
    var second: Int?
    /// The zone's offset from UTC in minutes when the text names one (0 for `Z`, `GMT`, `+00:00`).
    var offset: Int?

    var iso: String { CivilDate.iso(year: year, month: month, day: day) }
    var isUTC: Bool { offset == 0 && minuteOfDay != nil }

    /// Minutes since 1970 of the written local clock time (zone ignored).
    var localMinutes: Int? {
        minuteOfDay.map { CivilDate.daysSince1970(year: year, month: month, day: day) * 1440 + $0 }
    }

    /// The same instant seen from a zone `minutes` east of UTC.
    func shifted(to minutes: Int) -> PageTimestamp {
        guard let local = localMinutes, let from = offset else { return self }
        let target = local - from + minutes
        let days = Int((Double(target) / 1440).rounded(.down))
        let d = CivilDate.date(daysSince1970: days)
        return PageTimestamp(year: d.year, month: d.month, day: d.day, minuteOfDay: target - days * 1440,
                             second: second, offset: minutes)
    }

    static func parse(_ text: String) -> PageTimestamp? {
        let trimmed = text.trimmingWhitespaceAndControls()
        let b = Array(trimmed.utf8)
        guard !b.isEmpty, b.count <= 64 else { return nil }
        let result = unix(b) ?? iso(b) ?? named(trimmed)
        guard let result, PublicationDay.years.contains(result.year),
              DateNormalizer.isValid(year: result.year, month: result.month, day: result.day) else { return nil }
        return result
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func number(_ b: [UInt8], _ at: Int, _ n: Int) -> Int? {
        guard at >= 0, at + n <= b.count else { return nil }
        var v = 0
        for k in at..<(at + n) {
            guard isDigit(b[k]) else { return nil }
            v = v * 10 + Int(b[k] - 48)
        }
        return v
    }

    /// Unix seconds (10 digits) or milliseconds (13 digits).
    private static func unix(_ b: [UInt8]) -> PageTimestamp? {
        guard b.count == 10 || b.count == 13, b.allSatisfy(isDigit), let v = number(b, 0, b.count) else { return nil }
        let seconds = b.count == 13 ? v / 1000 : v
        guard seconds >= 788_918_400 else { return nil }  // 1995-01-01
        let days = seconds / 86_400
        let d = CivilDate.date(daysSince1970: days)
        let rest = seconds - days * 86_400
        return PageTimestamp(year: d.year, month: d.month, day: d.day, minuteOfDay: rest / 60, second: rest % 60, offset: 0)
    }

    /// `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]][Z|±HH[:]MM]]`, also `YYYYMMDD[THHMMSS…]` and `/` or `.` as separators.
    private static func iso(_ b: [UInt8]) -> PageTimestamp? {
        guard let y = number(b, 0, 4) else { return nil }
        var t = PageTimestamp(year: y, month: 0, day: 0)
        var i: Int
        if b.count >= 10, [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")].contains(b[4]), b[7] == b[4],
           let m = number(b, 5, 2), let d = number(b, 8, 2) {
            t.month = m; t.day = d; i = 10
        } else if let m = number(b, 4, 2), let d = number(b, 6, 2), b.count == 8 || !isDigit(b[8]) {
            t.month = m; t.day = d; i = 8
        } else {
            return nil
        }
        guard i < b.count else { return t }
        guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") || b[i] == UInt8(ascii: "|") else {
            // Something else follows the day ("2021-09-21, Berlin"): the day alone.
            return isDigit(b[i]) ? nil : t
        }
        i += 1
        guard let h = number(b, i, 2), h < 24 else { return t }
        i += 2
        if i < b.count, b[i] == UInt8(ascii: ":") || b[i] == UInt8(ascii: "h") { i += 1 }
        guard let mi = number(b, i, 2), mi < 60 else { return t }
        i += 2
        t.minuteOfDay = h * 60 + mi
        if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
        if let s = number(b, i, 2) {
            t.second = s; i += 2
        } else if let s = number(b, i, 1) {
            t.second = s; i += 1  // "23:15:0Z", as some CMSs write it
        }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, isDigit(b[i]) { i += 1 }
        }
        t.offset = zone(b, &i)
        return t
    }

    /// `Z`, `±HH[:]MM`, `±HH`, ` GMT`, ` UTC`, ` GMT+0000`.
    private static func zone(_ b: [UInt8], _ i: inout Int) -> Int? {
        while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "Z") { return 0 }
        if i + 3 <= b.count, String(decoding: b[i..<(i + 3)], as: UTF8.self).uppercased() == "GMT"
            || String(decoding: b[i..<(i + 3)], as: UTF8.self).uppercased() == "UTC" {
            i += 3
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { return zone(b, &i) }
            return 0
        }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
        let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
        i += 1
        guard let h = number(b, i, 2), h <= 14 else { return nil }
        i += 2
        if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
        let m = number(b, i, 2) ?? 0
        return sign * (h * 60 + m)
    }

    /// RFC 2822 and `Date.toString()`: a weekday, then day and month name (either order), year, time, zone.
    private static func named(_ text: String) -> PageTimestamp? {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic,
              let date = DateNormalizer.firstDate(in: text, allowPartial: false), let y = date.year else { return nil }
        var t = PageTimestamp(year: y, month: date.month, day: date.day)
        let rest = Array(text[date.range.upperBound...].utf8)
        var i = 0
        while i < rest.count, rest[i] == UInt8(ascii: " ") || rest[i] == UInt8(ascii: ",") { i += 1 }
        guard let h = number(rest, i, 2), h < 24, i + 2 < rest.count, rest[i + 2] == UInt8(ascii: ":"),
              let mi = number(rest, i + 3, 2), mi < 60 else { return t }
        i += 5
        t.minuteOfDay = h * 60 + mi
        if i < rest.count, rest[i] == UInt8(ascii: ":"), let s = number(rest, i + 1, 2) { t.second = s; i += 3 }
        t.offset = zone(rest, &i)
        return t
    }
}
