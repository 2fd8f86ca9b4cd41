/// Calendar arithmetic and date text shared by every reader and writer: days since 1970 (Howard Hinnant's
/// algorithms, UTC, no clock, no time zone), the `YYYY-MM-DD` day of an ISO 8601 date and W3CDTF timestamps.
/// A date as a release in its language prints it is `ReleaseTerms.date`.
enum CivilDate {
    /// Days since 1970-01-01 of a civil date.
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func date(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
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

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The real day an ISO 8601 date or timestamp starts with (`YYYY-MM-DD`, then nothing, `T` or a space).
    static func day(_ iso: String) -> (year: Int, month: Int, day: Int)? {
        let u = Array(iso.utf8)
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

    /// `YYYY-MM-DD` of the real day an ISO 8601 date or timestamp starts with (surrounding white space
    /// ignored), nil when it names none.
    static func isoDay(_ date: String?) -> String? {
        date.flatMap { day($0.trimmingSpaces()) }.map(iso)
    }

    /// `n` in decimal with leading zeros up to `width` digits.
    static func padded(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// `YYYY-MM-DD`.
    static func iso(year: Int, month: Int, day: Int) -> String {
        padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// W3CDTF `CCYY-MM-DDThh:mm:ssZ` for seconds since 1970 (`ReleaseTimestamp`'s RFC 3339 in UTC).
    static func w3cdtf(_ seconds: Int) -> String { ReleaseTimestamp(epochSeconds: seconds).rfc3339 }
}
