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
        let days = documents.compactMap { $0.metadata.date.flatMap { CivilDate.day($0.trimmingSpaces()) }.map(CivilDate.daysSince1970) }.max()
        if let days { return days * 86_400 }
        return fixedEpoch
    }

    /// `CCYY-MM-DDThh:mm:ssZ`, the form `dcterms:modified` requires.
    static func timestamp(_ seconds: Int) -> String { CivilDate.w3cdtf(seconds) }
}
