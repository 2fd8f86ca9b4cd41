/// Chooses a page's publication day among its candidates, added best source first (JSON-LD, meta tags,
/// the marked `<time>`, the date printed nearest the headline, a date element, other JSON-LD objects, the
/// URL): the first believable one wins. Days before 1995, after 2100 or after the reference day (`now`,
/// with a day of grace for time zones) are not believed.
///
/// A UTC timestamp (`…T01:09:55Z`) names the publisher's day only when the publisher sits near Greenwich:
/// a page from New York stamped 03:28 UTC was published the evening before. So a UTC time takes the day of
/// the same instant written in local time elsewhere on the page (`2023-11-08 22:28:35`,
/// `…T21:11:03-05:00`), or else the day printed next to it ("November 8, 2023") when that is the day
/// before or after (and its printed clock time, if any, is the same instant in some zone). A clock time
/// without any zone takes the printed day only on that clock evidence. Without such evidence the day stays
/// as written (guessing a zone from the locale loses as often as it wins).
struct PublicationDate {
    private var chosen: (date: PageTimestamp, source: String, printed: PageTimestamp?)?
    private var witnesses: [PageTimestamp] = []
    /// The days printed nearest the headline and named by the page's URL.
    private var printedNearHeadline: [PageTimestamp] = []
    /// The reference time in seconds since 1970 (nil: no future check).
    private let now: Int?

    init(now: Int? = nil) { self.now = now }

    /// Whether a believable candidate has been chosen (later ones are only witnesses).
    var hasChoice: Bool { chosen != nil }

    mutating func add(_ text: String?, source: String) {
        guard chosen == nil, let text else { return }
        if let t = PageTimestamp.parse(text) { return add(t, source: source) }
        guard let iso = PageMetadata.isoDate(text), let d = CivilDate.day(String(iso.prefix(10))) else { return }
        add(PageTimestamp(year: d.year, month: d.month, day: d.day), source: source)
    }

    mutating func add(_ date: PageTimestamp, source: String, printed: PageTimestamp? = nil) {
        guard PublicationDay.isBelievable(year: date.year, month: date.month, day: date.day, now: now) else { return }
        if chosen == nil { chosen = (date, source, printed) } else { addWitness(date) }
    }

    mutating func addWitness(_ text: String) {
        if let t = PageTimestamp.parse(text) { addWitness(t) }
    }

    mutating func addWitness(_ date: PageTimestamp) { witnesses.append(date) }

    mutating func addPrinted(_ date: PageTimestamp) { printedNearHeadline.append(date) }

    func best() -> (String, String)? {
        guard let (date, source, printed) = chosen else { return nil }
        let beside = [printed].compactMap { $0 } + printedNearHeadline
        // A clock time without a zone (`2020-05-02T02:54:29`) is often UTC with its `Z` left off: the day
        // printed beside it wins only when its printed clock time names the same instant in some zone.
        if date.offset == nil, let machine = date.localMinutes {
            for printed in beside where printed.minuteOfDay != nil && Self.isLocalDay(printed, of: machine) {
                return (printed.iso, source + ", local day")
            }
        }
        guard date.isUTC, let utc = date.localMinutes else { return (date.iso, source) }
        // The same instant written in local time: with its zone, or without one but to the second.
        for w in witnesses where !w.isUTC {
            guard let local = w.localMinutes, w.iso != date.iso else { continue }
            if let offset = w.offset {
                if local - offset == utc { return (w.iso, source + ", local day") }
            } else if abs(local - utc) <= 14 * 60, (local - utc) % 15 == 0, w.second != nil, w.second == date.second {
                return (w.iso, source + ", local day")
            }
        }
        // The day printed beside it.
        for printed in beside where Self.isLocalDay(printed, of: utc) {
            return (printed.iso, source + ", local day")
        }
        return (date.iso, source)
    }

    /// Whether a printed day can be the publisher's own day of the instant `utc` (minutes since 1970): the
    /// day before or after its UTC day, and, when a clock time is printed too, that instant's clock time in
    /// a zone at most 14 hours from UTC, on a quarter hour ("November 8, 2023, 11:15 PM" for `04:15Z`).
    static func isLocalDay(_ printed: PageTimestamp, of utc: Int) -> Bool {
        let utcDay = Int((Double(utc) / 1440).rounded(.down))
        guard abs(printed.dayMinutes / 1440 - utcDay) == 1 else { return false }
        guard let local = printed.localMinutes else { return true }
        let offset = local - utc
        if let written = printed.offset { return written == offset }
        return abs(offset) <= 14 * 60 && offset % 15 == 0
    }
}

extension PageTimestamp {
    /// Minutes since 1970 at the day's start (for a day without a clock time).
    var dayMinutes: Int { CivilDate.daysSince1970(year: year, month: month, day: day) * 1440 }
}
