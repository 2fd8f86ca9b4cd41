/// Text as a browser shows it.
enum HTMLText {
    /// Runs of HTML whitespace (space, tab, newline, carriage return, form feed) as one space, none at the
    /// ends. Other spaces (no-break space) are kept.
    static func collapse(_ s: String) -> String {
        var space = true
        var out = collapseRuns(s, lastWasSpace: &space)
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// Runs of HTML whitespace as one space, none at the start when `lastWasSpace` (which is updated for
    /// the text that follows). Works on UTF-8 bytes: the five whitespace characters are ASCII, so no byte
    /// of a longer character is ever taken for one.
    static func collapseRuns(_ s: String, lastWasSpace: inout Bool) -> String {
        var space = lastWasSpace
        var source = s
        let out = source.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var n = 0
                for b in bytes {
                    if b == 32 || b == 10 || b == 9 || b == 13 || b == 12 {
                        if !space { buffer[n] = 32; n += 1; space = true }
                    } else {
                        buffer[n] = b
                        n += 1
                        space = false
                    }
                }
                return n
            }
        }
        lastWasSpace = space
        return out
    }
}
