/// Dates for the package document and the zip entries. Nothing here reads the clock: the time comes from
/// `SOURCE_DATE_EPOCH` (through the options), else the releases' dates, else a fixed epoch.
enum EPUBDates {
    /// 1980-01-01T00:00:00Z, the earliest time a zip entry can hold.
    static let fixedEpoch = 315_532_800
    /// 9999-12-31T23:59:59Z: later times have no four-digit year.
    static let latest = 253_402_300_799

    /// Seconds since 1970 for `dcterms:modified` and the zip entries.
    static func modificationTime(options: ConversionOptions, documents: [Document]) -> Int {
        if let epoch = options.sourceDateEpoch { return min(max(0, epoch), latest) }
        let days = documents.compactMap { day($0.metadata.date).map(daysSince1970) }.max()
        if let days { return days * 86_400 }
        return fixedEpoch
    }

    /// `CCYY-MM-DDThh:mm:ssZ`, the form `dcterms:modified` requires.
    static func timestamp(_ seconds: Int) -> String {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secs = seconds - days * 86_400
        let (y, m, d) = civil(days)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(secs / 3600, 2) + ":"
            + pad(secs / 60 % 60, 2) + ":" + pad(secs % 60, 2) + "Z"
    }

    /// The `YYYY-MM-DD` day of an ISO 8601 date or timestamp, if it is a real day.
    static func day(_ date: String?) -> (year: Int, month: Int, day: Int)? {
        guard let date else { return nil }
        let u = Array(date.epubTrimmed.utf8)
        guard u.count >= 10, u[4] == 45, u[7] == 45 else { return nil }
        if u.count > 10, u[10] != 84, u[10] != 116, u[10] != 32 { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard u[i] >= 48, u[i] <= 57 else { return nil }
                n = n * 10 + Int(u[i] - 48)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
              y >= 1, (1...12).contains(m), d >= 1, d <= daysInMonth(y, m) else { return nil }
        return (y, m, d)
    }

    /// `YYYY-MM-DD`, if the date names a real day.
    static func isoDay(_ date: String?) -> String? {
        guard let (y, m, d) = day(date) else { return nil }
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// A date for people to read, in the document's language where we know its month names; ISO otherwise.
    static func display(_ date: String?, language: String) -> String? {
        guard let date else { return nil }
        guard let (y, m, d) = day(date) else { return date.epubTrimmed.isEmpty ? nil : date.epubTrimmed }
        let lang = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
        switch lang {
        case "en":
            return englishMonths[m - 1] + " \(d), \(y)"
        case "de":
            return "\(d). " + germanMonths[m - 1] + " \(y)"
        case "fr":
            return (d == 1 ? "1er" : "\(d)") + " " + frenchMonths[m - 1] + " \(y)"
        case "es":
            return "\(d) de " + spanishMonths[m - 1] + " de \(y)"
        case "ru":
            return "\(d) " + russianMonths[m - 1] + " \(y) г."
        default:
            return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        }
    }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]
    static let germanMonths = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                               "September", "Oktober", "November", "Dezember"]
    static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                               "septembre", "octobre", "novembre", "décembre"]
    static let spanishMonths = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                "septiembre", "octubre", "noviembre", "diciembre"]
    static let russianMonths = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                                "сентября", "октября", "ноября", "декабря"]

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    static func daysSince1970(_ date: (year: Int, month: Int, day: Int)) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (date.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
