/// Text whose non-ASCII scalars are each a Character of their own and no white space: letters of the Latin,
/// Greek and Cyrillic blocks without combining marks, Latin-1 punctuation, dashes and quotes, currency signs.
/// In such text (valid UTF-8) a Character is one scalar but for CR LF, and a Character is white space exactly
/// when it is an ASCII white-space byte, so byte loops over it give what Character loops give.
/// `SimpleTextTests` checks every scalar of `ranges` against the standard library's Characters.
enum SimpleText {
    static let ranges: [ClosedRange<UInt32>] = [
        0x2010...0x2027,  // dashes, quotes, bullets, ellipsis (not the line separator after them)
        0x00A1...0x00FF,  // Latin-1 punctuation, symbols and letters (not the no-break space)
        0x0100...0x024F,  // Latin Extended-A and -B
        0x0370...0x03FF,  // Greek
        0x0400...0x0482, 0x048A...0x04FF,  // Cyrillic without its combining marks
        0x2030...0x205E,  // more punctuation (not the narrow no-break space or the joiners before it)
        0x20A0...0x20C0,  // currency signs
    ]

    /// Whether every non-ASCII scalar of valid UTF-8 lies in `ranges`.
    static func isSimple(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Scalars.allNonASCII(utf8) { scalar in
            for range in ranges where range.contains(scalar) { return true }
            return false
        }
    }
}

extension SimpleText {
    /// Whether the scalar (one of `ranges`) is a letter or number as a Character (`isLetter || isNumber`): one
    /// bit per scalar below U+20C1, taken from the Character of each scalar of `ranges` once per process.
    private static let letterOrNumberBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x20C1 / 64 + 1)
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let c = Character(scalar)
                if c.isLetter || c.isNumber { bits[Int(value >> 6)] |= 1 << UInt64(value & 63) }
            }
        }
        return bits
    }()

    /// `isLetter || isNumber` of the Character of a scalar of `ranges` (any other non-ASCII scalar: false).
    static func isLetterOrNumber(_ scalar: UInt32) -> Bool {
        scalar < 0x20C1 && letterOrNumberBits[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
    }

    /// The runs of letters and numbers of a simple text (`isSimple`), as Strings in order: the pieces of
    /// `split(whereSeparator: { !($0.isLetter || $0.isNumber) })`, read scalar by scalar (in such text a
    /// Character is one scalar, or CR LF, which is no letter or number as a Character nor as two bytes). Nil
    /// for text that is not simple.
    static func words(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            guard isSimple(bytes) else { return nil }
            var words: [String] = []
            var start = 0, i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                let length: Int, inWord: Bool
                if b < 0x80 {
                    length = 1
                    inWord = ASCIIText.isLetterOrDigit(b)
                } else if b < 0xE0 {
                    length = 2
                    inWord = isLetterOrNumber(UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))
                } else {
                    // Every scalar of `ranges` takes at most three bytes.
                    length = 3
                    inWord = isLetterOrNumber(UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6
                        | UInt32(bytes[i + 2] & 0x3F))
                }
                if !inWord {
                    if start < i { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                    start = i + length
                }
                i += length
            }
            if start < n { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<n]), as: UTF8.self)) }
            return words
        }
    }
}
