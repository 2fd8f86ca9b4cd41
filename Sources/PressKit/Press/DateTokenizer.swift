/// Splits text into the tokens dates are made of: numbers, words and single punctuation marks, with the
/// position of each in the original string. White space only separates tokens (`spaceBefore` records it).
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


    /// At most `limit` tokens of `text`.
    static func tokens(_ text: String, limit: Int = .max) -> [DateToken] {
        var tokens: [DateToken] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        var sawSpace = false
        while i < scalars.endIndex, tokens.count < limit {
            let c = scalars[i]
            if c.properties.isWhitespace {
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
            } else if c.properties.isAlphabetic {
                while i < scalars.endIndex, scalars[i].properties.isAlphabetic, digitValue(scalars[i]) == nil {
                    i = scalars.index(after: i)
                }
                let word = String(scalars[start..<i])
                tokens.append(DateToken(kind: .word(word.lowercased(), capitalized: c.properties.isUppercase),
                                        range: start..<i, spaceBefore: sawSpace))
            } else {
                i = scalars.index(after: i)
                tokens.append(DateToken(kind: .mark(c), range: start..<i, spaceBefore: sawSpace))
            }
            sawSpace = false
        }
        return tokens
    }
}
