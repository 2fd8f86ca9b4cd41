/// Dates in a DOCX package: the dateline's date as a reader would write it, the W3CDTF timestamps of the
/// core properties, and the zip entries' time. Never the clock: the document's date, else
/// `SOURCE_DATE_EPOCH`, else 1980-01-01.
enum DOCXDates {
    /// The calendar day an ISO 8601 date or timestamp starts with (`YYYY-MM-DD…`), if it is a real day.
    static func day(_ iso: String) -> (year: Int, month: Int, day: Int)? { CivilDate.day(iso) }

    /// Seconds since 1970 for the package: the given document date, else `SOURCE_DATE_EPOCH`, else 1980-01-01.
    static func timestamp(date: String?, sourceDateEpoch: Int?) -> Int {
        if let date, let d = day(date) { return max(CivilDate.daysSince1970(year: d.year, month: d.month, day: d.day) * 86_400, 315_532_800) }
        if let epoch = sourceDateEpoch, epoch >= 0 { return epoch }
        return 315_532_800
    }

    /// W3CDTF (`2021-09-21T00:00:00Z`) for seconds since 1970.
    static func w3cdtf(_ seconds: Int) -> String { CivilDate.w3cdtf(max(seconds, 0)) }

    /// The date as the document's language writes it ("September 21, 2021", "21. September 2021"); other
    /// languages keep the ISO day, unreadable dates their text.
    static func display(_ iso: String, language: String) -> String {
        guard let d = day(iso) else { return iso }
        return ReleaseTerms.forLanguage(language).day(year: d.year, month: d.month, day: d.day)
    }
}
