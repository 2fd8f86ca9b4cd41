/// The one parser of a release's ISO 8601 date or timestamp (`YYYY-MM-DD`, or a timestamp with or without
/// seconds, fraction and zone) and the one epoch-to-UTC conversion: written as RFC 3339 (ninjs, Atom,
/// JSON-LD, the HTML head, W3CDTF in EPUB and DOCX), RFC 822 (RSS), or for people (`ReleaseTerms.date`'s
/// time of day). A day without a time becomes midnight UTC; a time without a zone is taken as UTC.
struct ReleaseTimestamp: Hashable, Sendable {
    var year: Int, month: Int, day: Int
    var hour = 0, minute = 0, second = 0
    /// Whether the source gave a time of day.
    var hasTime = false
    /// The zone's offset from UTC in minutes; nil when the source gave none.
    var offsetMinutes: Int?

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `2024-03-05`, `2024-03-05T10:30`, `2024-03-05T10:30:00.5+01:00`, `2024-03-05 10:30:00Z`, …
    init?(iso text: String) {
        let trimmed = text.trimmingWhitespaceScalars
        guard let d = CivilDate.day(trimmed) else { return nil }
        self.init(year: d.year, month: d.month, day: d.day)
        let u = Array(trimmed.utf8)
        guard u.count > 10 else { return }
        var i = 11
        func digits(_ n: Int) -> Int? {
            guard i + n <= u.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                guard u[k] >= 48, u[k] <= 57 else { return nil }
                v = v * 10 + Int(u[k] - 48)
            }
            i += n
            return v
        }
        guard let h = digits(2), h < 24, i < u.count, u[i] == 58 else { return nil }
        i += 1
        guard let m = digits(2), m < 60 else { return nil }
        hour = h
        minute = m
        hasTime = true
        if i < u.count, u[i] == 58 {
            i += 1
            guard let s = digits(2), s < 61 else { return nil }
            second = min(s, 59)
            if i < u.count, u[i] == 46 || u[i] == 44 {  // a fraction is dropped
                i += 1
                while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1 }
            }
        }
        guard i < u.count else { return }
        if u[i] == 90 || u[i] == 122 {  // Z
            offsetMinutes = 0
            i += 1
        } else if u[i] == 43 || u[i] == 45 {
            let sign = u[i] == 45 ? -1 : 1
            i += 1
            guard let oh = digits(2), oh < 24 else { return nil }
            if i < u.count, u[i] == 58 { i += 1 }
            let om = digits(2) ?? 0
            guard om < 60 else { return nil }
            offsetMinutes = sign * (oh * 60 + om)
        }
        guard i == u.count else { return nil }
    }

    /// The UTC time of these seconds since 1970.
    init(epochSeconds seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secs = seconds - days * 86_400
        let d = CivilDate.date(daysSince1970: days)
        self.init(year: d.year, month: d.month, day: d.day)
        hour = secs / 3600
        minute = secs / 60 % 60
        second = secs % 60
        hasTime = true
        offsetMinutes = 0
    }

    /// Seconds since 1970 in UTC, for ordering releases.
    var epochSeconds: Int {
        CivilDate.daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
            - (offsetMinutes ?? 0) * 60
    }

    private var zone: (rfc3339: String, rfc822: String) {
        guard let offset = offsetMinutes, offset != 0 else { return ("Z", "+0000") }
        let sign = offset < 0 ? "-" : "+"
        let h = CivilDate.padded(abs(offset) / 60, 2), m = CivilDate.padded(abs(offset) % 60, 2)
        return (sign + h + ":" + m, sign + h + m)
    }

    private var clock: String {
        CivilDate.padded(hour, 2) + ":" + CivilDate.padded(minute, 2) + ":" + CivilDate.padded(second, 2)
    }

    /// `2024-03-05T10:30:00+01:00` (RFC 3339, what `date-time` in JSON Schema and Atom's dates take).
    var rfc3339: String {
        CivilDate.iso(year: year, month: month, day: day) + "T" + clock + zone.rfc3339
    }

    /// "10:00 +01:00", "00:01 UTC", "10:00": the time of day for people to read, with the zone when the
    /// source gave one (an offset of zero as UTC).
    var displayTime: String {
        let time = CivilDate.padded(hour, 2) + ":" + CivilDate.padded(minute, 2)
        guard let offset = offsetMinutes else { return time }
        return time + " " + (offset == 0 ? "UTC" : zone.rfc3339)
    }

    /// A valid HTML `datetime` (a date, a local date and time, or a global one): the day alone when there was
    /// no time, a time without a zone as local time, else RFC 3339.
    var htmlDatetime: String {
        guard hasTime else { return isoDay }
        return offsetMinutes == nil ? isoDay + "T" + clock : rfc3339
    }

    /// `YYYY-MM-DD` alone.
    var isoDay: String { CivilDate.iso(year: year, month: month, day: day) }

    /// The date as given: the day alone when there was no time, else RFC 3339 (schema.org's `Date`/`DateTime`).
    var schemaOrg: String { hasTime ? rfc3339 : isoDay }

    /// `Tue, 05 Mar 2024 10:30:00 +0100` (RFC 822 with a four-digit year, as RSS 2.0 asks).
    var rfc822: String {
        let days = CivilDate.daysSince1970(year: year, month: month, day: day)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return weekday + ", " + CivilDate.padded(day, 2) + " " + months[month - 1] + " " + CivilDate.padded(year, 4)
            + " " + clock + " " + zone.rfc822
    }
}
