extension String {
    /// The last occurrence of `needle`, searching from the end (overlapping occurrences included), as
    /// Foundation's `range(of:options: .backwards)` finds it; presskit does not link Foundation.
    func lastRange(of needle: String) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var start = endIndex
        while start > startIndex {
            formIndex(before: &start)
            if self[start...].hasPrefix(needle) {
                return start..<index(start, offsetBy: needle.count)
            }
        }
        return nil
    }
}
