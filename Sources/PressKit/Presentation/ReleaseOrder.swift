/// The one order of releases in a digest (EPUB and DOCX): by calendar day, earliest first; releases with
/// the same day, or without a real day, keep their input order, the undated after the dated.
public enum ReleaseOrder {
    /// The positions of `documents` in release order.
    public static func indices(_ documents: [Document]) -> [Int] {
        let days = documents.map { CivilDate.isoDay($0.metadata.date) }
        return documents.indices.sorted { a, b in
            switch (days[a], days[b]) {
            case let (x?, y?): return x != y ? x < y : a < b
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
    }
}
