/// Dates in a DOCX package: the dateline's date as a reader would write it, the W3CDTF timestamps of the
/// core properties, and the zip entries' time. Never the clock: the document's date, else
/// `SOURCE_DATE_EPOCH`, else 1980-01-01.
enum DOCXDates {
    /// Seconds since 1970 for the package: the given document date, else `SOURCE_DATE_EPOCH`, else 1980-01-01.
    static func timestamp(date: String?, sourceDateEpoch: Int?) -> Int {
        if let date, let d = CivilDate.day(date) { return max(CivilDate.daysSince1970(year: d.year, month: d.month, day: d.day) * 86_400, 315_532_800) }
        if let epoch = sourceDateEpoch, epoch >= 0 { return epoch }
        return 315_532_800
    }

    /// W3CDTF (`2021-09-21T00:00:00Z`) for seconds since 1970.
    static func w3cdtf(_ seconds: Int) -> String { CivilDate.w3cdtf(max(seconds, 0)) }
}
