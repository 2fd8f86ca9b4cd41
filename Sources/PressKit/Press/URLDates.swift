/// Dates written into a URL's path, read part by part in year-month-day order: `/2021/09/21/`, `/2019/11/8/`,
/// `2021-09-21`, `…-20210921`, and a year with its month alone (`/2023/05/slug`). For the HTML reader's
/// page date and the press pass's source URL.
enum URLDates {
    /// The parts of a URL's path (after the host), split at `/ - _ .`. Read as UTF-8 bytes: the separators
    /// are ASCII.
    private static func pathParts(_ url: String) -> [Substring] {
        let bytes = url.utf8
        var start = bytes.startIndex
        // Past "scheme://host": after the first "://", from the next "/".
        var i = bytes.startIndex
        while let colon = bytes[i...].firstIndex(of: UInt8(ascii: ":")) {
            let rest = bytes[bytes.index(after: colon)...]
            if rest.starts(with: "//".utf8) {
                let host = bytes.index(colon, offsetBy: 3)
                start = bytes[host...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
                break
            }
            i = rest.startIndex
        }
        var path = bytes[start...]
        if let query = path.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { path = path[..<query] }
        return path.split(whereSeparator: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
            || $0 == UInt8(ascii: ".") }).map { Substring($0) }
    }

    private static func number(_ part: Substring, digits: Int) -> Int? {
        guard part.utf8.count == digits, part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(part)
    }

    /// A date written into a URL path: `/2021/09/21/`, `/2019/11/8/`, `2021-09-21`, `…-20210921`.
    static func day(in url: String) -> String? {
        let parts = pathParts(url)
        for k in parts.indices {
            if let v = number(parts[k], digits: 8) {
                let (y, m, d) = (v / 10000, v / 100 % 100, v % 100)
                if PublicationDay.years.contains(y), DateNormalizer.isValid(year: y, month: m, day: d) {
                    return CivilDate.iso(year: y, month: m, day: d)
                }
                continue
            }
            guard k + 2 < parts.count, let y = number(parts[k], digits: 4), (1990...2100).contains(y),
                  let m = number(parts[k + 1], digits: 2) ?? number(parts[k + 1], digits: 1),
                  let d = number(parts[k + 2], digits: 2) ?? number(parts[k + 2], digits: 1),
                  DateNormalizer.isValid(year: y, month: m, day: d) else { continue }
            return CivilDate.iso(year: y, month: m, day: d)
        }
        return nil
    }

    /// A year and month without a day in a URL path (`/2023/05/slug`, `/2023-05/`): not a day by itself,
    /// but it tells which of the page's printed dates is the publication's.
    static func month(in url: String) -> (year: Int, month: Int)? {
        let parts = pathParts(url)
        for k in parts.indices where k + 1 < parts.count {
            guard let y = number(parts[k], digits: 4), PublicationDay.years.contains(y),
                  let m = number(parts[k + 1], digits: 2), (1...12).contains(m) else { continue }
            return (y, m)
        }
        return nil
    }
}
