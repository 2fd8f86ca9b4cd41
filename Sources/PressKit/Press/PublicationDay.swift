/// Which days a publication date may be, for every reader and the press pass: from 1995 (the web press
/// archive starts in the 1990s; earlier numbers are founding years and copyright lines) to 2100, and never
/// after the day following the reference time (`now`, seconds since 1970: a day of grace for time zones).
enum PublicationDay {
    static let years = 1995...2100

    static func isBelievable(year: Int, month: Int, day: Int, now: Int?) -> Bool {
        guard years.contains(year) else { return false }
        guard let now else { return true }
        return CivilDate.daysSince1970(year: year, month: month, day: day) <= now / 86_400 + 1
    }
}
