/// Dates in a DOCX package: the dateline's date as a reader would write it, the W3CDTF timestamps of the
/// core properties, and the zip entries' time. Never the clock: the document's date, else
/// `SOURCE_DATE_EPOCH`, else 1980-01-01.
enum DOCXDates {
    struct Day: Comparable {
        var year: Int, month: Int, day: Int
        static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    }

    /// The calendar day an ISO 8601 date or timestamp starts with (`YYYY-MM-DD…`).
    static func day(_ iso: String) -> Day? {
        let u = Array(iso.utf8)
        guard u.count >= 10, u[4] == 45, u[7] == 45 else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard (48...57).contains(u[i]) else { return nil }
                n = n * 10 + Int(u[i] - 48)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
              (1...12).contains(m), (1...31).contains(d), y >= 1 else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysSinceEpoch(_ d: Day) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (d.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func day(fromEpoch seconds: Int) -> (Day, Int) {
        let days = seconds / 86_400, secs = seconds % 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Day(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day), secs)
    }

    /// Seconds since 1970 for the package: the given document date, else `SOURCE_DATE_EPOCH`, else 1980-01-01.
    static func timestamp(date: String?, sourceDateEpoch: Int?) -> Int {
        if let date, let d = day(date) { return max(daysSinceEpoch(d) * 86_400, 315_532_800) }
        if let epoch = sourceDateEpoch, epoch >= 0 { return epoch }
        return 315_532_800
    }

    /// W3CDTF (`2021-09-21T00:00:00Z`) for seconds since 1970.
    static func w3cdtf(_ seconds: Int) -> String {
        let (d, secs) = day(fromEpoch: max(seconds, 0))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        var year = String(d.year)
        while year.count < 4 { year = "0" + year }
        return "\(year)-\(two(d.month))-\(two(d.day))T\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))Z"
    }

    private static let months: [String: [String]] = [
        "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
    ]

    /// The date as the document's language writes it ("September 21, 2021", "21. September 2021"); other
    /// languages and unreadable dates keep the ISO form.
    static func display(_ iso: String, language: String) -> String {
        guard let d = day(iso) else { return iso }
        let lang = String(language.lowercased().prefix { $0 != "-" && $0 != "_" })
        guard let names = months[lang] else { return String(iso.prefix(10)) }
        let month = names[d.month - 1]
        switch lang {
        case "en": return "\(month) \(d.day), \(d.year)"
        case "de": return "\(d.day). \(month) \(d.year)"
        case "es": return "\(d.day) de \(month) de \(d.year)"
        case "ru": return "\(d.day) \(month) \(d.year) г."
        default: return "\(d.day) \(month) \(d.year)"
        }
    }
}
