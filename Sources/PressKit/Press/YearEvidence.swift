/// Where a date written without its year ("Today, on September 21") gets the year from, in order of
/// trust: a date in the source URL (`…/news/21-09-2021-7488`), another full date in the document with the
/// same day and month, a copyright line ("© 2021"), the embargo line, any other full date in the document.
enum YearEvidence {
    /// The year and a description of where it came from.
    static func year(for partial: DateMatch, source: String?, embargo: String?, texts: [String]) -> (Int, String)? {
        if let source, let y = yearInURL(source, month: partial.month, day: partial.day) {
            return (y, "source URL")
        }
        var budget = 256 * 1024
        var otherYear: Int?
        var copyright: Int?
        for text in texts where budget > 0 {
            budget -= text.utf8.count
            if copyright == nil, let c = copyrightYear(text) { copyright = c }
            guard text.utf8.count < 64 * 1024 || budget > 0 else { continue }
            for date in DateNormalizer.dates(in: text) {
                guard let y = date.year else { continue }
                if date.month == partial.month && date.day == partial.day { return (y, "another date in the text") }
                if otherYear == nil { otherYear = y }
            }
        }
        if let copyright { return (copyright, "copyright line") }
        if let embargo, let y = Int(embargo.prefix(4)) { return (y, "embargo line") }
        if let otherYear { return (otherYear, "another date in the text") }
        return nil
    }

    /// A full date in a URL, else a year in its path; with `month`/`day`, a full date must agree with them.
    static func yearInURL(_ url: String, month: Int? = nil, day: Int? = nil) -> Int? {
        let dates = DateNormalizer.dates(in: url).filter { $0.year != nil }
        if let month, let day, let exact = dates.first(where: { $0.month == month && $0.day == day }) { return exact.year }
        if let any = dates.first { return any.year }
        for token in DateTokenizer.tokens(url) {
            if let n = token.number, n.digits == 4, (1990...2100).contains(n.value) { return n.value }
        }
        return nil
    }

    /// The full date a URL names (`/2021/09/21/…`, `…-20210921`, as the HTML reader reads it; else a date
    /// written in another order, `…-21-09-2021-…`), as `YYYY-MM-DD`.
    static func dateInURL(_ url: String) -> String? {
        URLDates.day(in: url) ?? DateNormalizer.dates(in: url).first { $0.year != nil }?.iso
    }

    /// "© 2021 Acme", "(c) 2019-2021", "Copyright 2021": the latest year named.
    static func copyrightYear(_ text: String) -> Int? {
        guard text.contains("©") || text.contains("(c)") || text.contains("(C)") || text.fastLowercased().contains("copyright")
        else { return nil }
        var best: Int?
        let markers = ["©", "(c)", "(C)", "Copyright", "copyright", "COPYRIGHT"]
        for marker in markers {
            var search = text.startIndex
            while let r = text[search...].firstRange(of: marker) {
                let window = String(text[r.upperBound...].prefix(24))
                for token in DateTokenizer.tokens(window, limit: 8) {
                    if let n = token.number, n.digits == 4, (1990...2100).contains(n.value) { best = max(best ?? 0, n.value) }
                }
                search = r.upperBound
            }
        }
        return best
    }
}
