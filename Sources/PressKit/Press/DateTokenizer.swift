/// Splits text into the tokens dates are made of: numbers, words and single punctuation marks, with the
/// position of each in the original string. White space only separates tokens (`spaceBefore` records it).
/// A word is a letter followed by letters and combining marks.
struct DateToken {
    enum Kind: Equatable {
        case number(value: Int, digits: Int)
        /// A run of letters, lower-cased; `capitalized` if its first letter was upper case.
        case word(String, capitalized: Bool)
        case mark(Unicode.Scalar)
    }

    var kind: Kind
    var range: Range<String.Index>
    var spaceBefore: Bool

    var number: (value: Int, digits: Int)? {
        if case .number(let v, let d) = kind { return (v, d) }
        return nil
    }

    var word: String? {
        if case .word(let w, _) = kind { return w }
        return nil
    }

    func isMark(_ scalar: Unicode.Scalar) -> Bool {
        if case .mark(let m) = kind { return m == scalar }
        return false
    }
}

enum DateTokenizer {
    /// The value of a decimal digit as dates are written: ASCII, and the digits of Arabic (`٢٠٢٣`), Persian
    /// (`۱۴۰۲`), Devanagari (`२०२३`) and Bengali (`২০২৩`) text, and full-width digits (`２０２３`).
    static func digitValue(_ c: Unicode.Scalar) -> Int? {
        let v = c.value
        if v &- 48 < 10 { return Int(v - 48) }
        guard v >= 0x660 else { return nil }
        let zero: UInt32
        switch v {
        case 0x660...0x669: zero = 0x660
        case 0x6F0...0x6F9: zero = 0x6F0
        case 0x966...0x96F: zero = 0x966
        case 0x9E6...0x9EF: zero = 0x9E6
        case 0xFF10...0xFF19: zero = 0xFF10
        default: return nil
        }
        return Int(v - zero)
    }


    /// Whether `c` separates tokens (Unicode White_Space); ASCII is decided without the property tables.
    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || v &- 9 < 5 }
        return c.properties.isWhitespace
    }

    /// Whether `c` is a letter (Unicode Alphabetic); ASCII is decided without the property tables.
    @inline(__always)
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v | 0x20) &- 0x61 < 26 }
        return c.properties.isAlphabetic
    }

    /// Whether `c` is a combining mark (Unicode Mn, Mc, Me) that belongs to the word before it: the virama,
    /// nukta and vowel signs of Indic scripts (`जनवरी`, `জানুয়ারি`), accents written apart (`e\u{301}`).
    /// Marks start at U+0300, so ASCII and Latin-1 are decided without the property tables.
    @inline(__always)
    static func isWordMark(_ c: Unicode.Scalar) -> Bool {
        guard c.value >= 0x300 else { return false }
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether `c` is upper case (Unicode Uppercase); ASCII is decided without the property tables.
    @inline(__always)
    static func isUpper(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v &- 0x41 < 26 }
        return c.properties.isUppercase
    }

    /// At most `limit` tokens of `text`.
    static func tokens(_ text: String, limit: Int = .max) -> [DateToken] {
        var tokens: [DateToken] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        var sawSpace = false
        while i < scalars.endIndex, tokens.count < limit {
            let c = scalars[i]
            if isSpace(c) {
                sawSpace = true
                i = scalars.index(after: i)
                continue
            }
            let start = i
            if digitValue(c) != nil {
                var value = 0, digits = 0
                while i < scalars.endIndex, let d = digitValue(scalars[i]) {
                    if digits < 9 { value = value * 10 + d }
                    digits += 1
                    i = scalars.index(after: i)
                }
                tokens.append(DateToken(kind: .number(value: value, digits: digits), range: start..<i, spaceBefore: sawSpace))
            } else if isLetter(c) {
                var ascii = true, count = 0
                while i < scalars.endIndex {
                    let s = scalars[i]
                    guard isLetter(s) || isWordMark(s), digitValue(s) == nil else { break }
                    if s.value >= 0x80 { ascii = false }
                    count += 1
                    i = scalars.index(after: i)
                }
                let word = ascii ? asciiLowercased(text.utf8[start..<i], count: count) : String(scalars[start..<i]).fastLowercased()
                tokens.append(DateToken(kind: .word(word, capitalized: isUpper(c)), range: start..<i, spaceBefore: sawSpace))
            } else {
                i = scalars.index(after: i)
                tokens.append(DateToken(kind: .mark(c), range: start..<i, spaceBefore: sawSpace))
            }
            sawSpace = false
        }
        return tokens
    }

    /// ASCII letters, lower-cased (what `lowercased()` gives for them), built in one step.
    private static func asciiLowercased(_ bytes: Substring.UTF8View, count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            var n = 0
            for b in bytes {
                buffer[n] = b &- 0x41 < 26 ? b | 0x20 : b
                n += 1
            }
            return n
        }
    }
}
