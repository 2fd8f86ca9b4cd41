/// Searching a sorted sequence by halves, for the tables kept sorted instead of hashed (a dictionary type's
/// first use costs a conformance scan in every process): the zip cache's fingerprints, the zip seeds, the date
/// walk's marking elements.
enum SortedSearch {
    /// The first index in `0..<count` whose element is not below the key sought (`isBelow(index)` is false),
    /// or `count`; `isBelow` must be true for a prefix of the indices and false after it.
    @inline(__always)
    static func lowerBound(count: Int, isBelow: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if isBelow(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
