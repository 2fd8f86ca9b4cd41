/// Dates of the Solar Hijri (Persian) calendar as Iranian and Afghan pages print them, `۲ تیر ۱۳۹۹` or
/// `2 تير 1399` (a day, a Persian month name, a year) or in figures, year first (`۱۳۹۹/۰۴/۰۲`), turned into the Gregorian day: 2 Tir 1399 is
/// 2020-06-22. The arithmetic is the 33-year-cycle rule with its break years (as `jalaali-js` has it).
enum SolarHijri {
    /// The month names, Persian spelling (`ی`, `ک`); Arabic `ي`/`ك` are read as these.
    private static let months: [String: Int] = [
        "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5, "شهریور": 6,
        "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
    ]

    /// Years whose Gregorian days are publication days (1995–2100).
    private static let years = 1373...1479

    /// The first `day month year` Solar Hijri date in `text`, as a Gregorian day.
    static func firstDate(in text: String) -> PageTimestamp? {
        // Only texts in Arabic script (UTF-8 lead bytes D8–DB) can name a Persian month.
        guard text.utf8.contains(where: { $0 >= 0xD8 && $0 <= 0xDB }) else { return nil }
        let t = DateTokenizer.tokens(text, limit: 64)
        var i = 0
        while i + 2 < t.count {
            defer { i += 1 }
            guard let d = t[i].number, d.digits <= 2, (1...31).contains(d.value), let word = t[i + 1].word,
                  let month = months[normalized(word)], let y = t[i + 2].number, y.digits == 4,
                  let date = gregorian(year: y.value, month: month, day: d.value) else { continue }
            return date
        }
        return nil
    }

    /// The first numeric Solar Hijri date, year first (`1399/04/02`, `۱۳۹۹/۰۴/۰۲`, `1399-04-02`, `1399.04.02`),
    /// as a Gregorian day. Only for Persian pages (the caller knows the page's language): the years of the
    /// lunar Hijri calendar (`1441/11/01` on an Arabic page) fall in the same range.
    static func firstNumericDate(in text: String) -> PageTimestamp? {
        let t = DateTokenizer.tokens(text, limit: 64)
        var i = 0
        while i + 4 < t.count {
            defer { i += 1 }
            guard let y = t[i].number, y.digits == 4, years.contains(y.value), case .mark(let sep) = t[i + 1].kind,
                  sep == "/" || sep == "-" || sep == ".", let m = t[i + 2].number, m.digits <= 2, t[i + 3].isMark(sep),
                  let d = t[i + 4].number, d.digits <= 2, !(t[i + 1...i + 4].contains { $0.spaceBefore }),
                  i + 5 == t.count || !(t[i + 5].number != nil || (t[i + 5].isMark(sep) && !t[i + 5].spaceBefore)),
                  let date = gregorian(year: y.value, month: m.value, day: d.value) else { continue }
            return date
        }
        return nil
    }

    /// The Gregorian day of a Solar Hijri day (nil outside 1373–1479 or for a day the month does not have).
    static func gregorian(year: Int, month: Int, day: Int) -> PageTimestamp? {
        guard years.contains(year), (1...12).contains(month), day >= 1,
              day <= (month <= 6 ? 31 : 30) else { return nil }
        let march = farvardinFirst(year)
        let dayOfYear = (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1
        let d = CivilDate.date(daysSince1970: CivilDate.daysSince1970(year: year + 621, month: 3, day: march) + dayOfYear)
        return PageTimestamp(year: d.year, month: d.month, day: d.day)
    }

    private static let breaks = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
                                 2324, 2394, 2456, 3178]

    /// The day in March of the Gregorian year `year + 621` on which Solar Hijri `year` begins.
    private static func farvardinFirst(_ year: Int) -> Int {
        var leapJ = -14, jp = breaks[0], jump = 0
        for jm in breaks.dropFirst() {
            jump = jm - jp
            if year < jm { break }
            leapJ += jump / 33 * 8 + (jump % 33) / 4
            jp = jm
        }
        let n = year - jp
        leapJ += n / 33 * 8 + (n % 33 + 3) / 4
        if jump % 33 == 4, jump - n == 4 { leapJ += 1 }
        let gy = year + 621
        let leapG = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150
        return 20 + leapJ - leapG
    }

    private static func normalized(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: { $0 == "\u{64A}" || $0 == "\u{643}" }) else { return word }
        return String(String.UnicodeScalarView(word.unicodeScalars.map {
            $0 == "\u{64A}" ? "\u{6CC}" : $0 == "\u{643}" ? "\u{6A9}" : $0
        }))
    }
}
