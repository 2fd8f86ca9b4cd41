/// Names made unique with a numbered suffix (heading ids, bookmark names, file names in a package or a
/// folder): a name already taken becomes `numbered(start)`, `numbered(start + 1)` … the first one free.
///
/// The next number to try is remembered per name: probing from the start each time made a document with
/// thousands of headings of the same text quadratic (an EPUB of 400 KB of "## Contacts" headings took 21 s).
/// Names are never given back, so every number below the remembered one is still taken and the result is
/// the one a probe from `start` finds.
public struct UniqueNames: Sendable {
    private var taken: Set<String>
    private var nextNumber: [String: Int] = [:]

    public init(reserved: Set<String> = []) {
        taken = reserved
    }

    /// How many names are taken (reserved ones included).
    public var count: Int { taken.count }

    /// `name` if it is free, else the first free `numbered(n)` for n from `start`; taken from now on.
    public mutating func claim(_ name: String, from start: Int, _ numbered: (Int) -> String) -> String {
        if taken.insert(name).inserted { return name }
        var n = max(start, nextNumber[name] ?? start)
        var candidate = numbered(n)
        while taken.contains(candidate) {
            n += 1
            candidate = numbered(n)
        }
        taken.insert(candidate)
        nextNumber[name] = n + 1
        return candidate
    }
}
