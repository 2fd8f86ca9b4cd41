extension StringProtocol {
    /// The text without the Characters at either end for which `isTrimmed` holds (the one form of the
    /// `trimmingCharacters`-style helpers: a set of Characters, a single Character, spaces and tabs).
    func trimming(while isTrimmed: (Character) -> Bool) -> String {
        var s = self[...]
        while let first = s.first, isTrimmed(first) { s = s.dropFirst() }
        while let last = s.last, isTrimmed(last) { s = s.dropLast() }
        return String(s)
    }
}
