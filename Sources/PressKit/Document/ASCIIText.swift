/// ASCII facts on UTF-8 bytes, for the fast paths that stand in for Character code on ASCII text: there every
/// byte is a Character of its own except CR LF (one Character of two bytes), a letter or number
/// (`isLetter || isNumber`) is A–Z, a–z or 0–9, white space (`isWhitespace`) is tab…carriage return or space,
/// and lower-casing is per byte. Each fast path is held to its Character code by `FastPathEquivalenceTests`.
enum ASCIIText {
    /// Whether every byte is ASCII.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }

    /// Whether `text` has nothing a trim could take: its first and last bytes are ASCII and not `trimmed`. Then
    /// its first Character begins with that byte (white space or not by that byte alone) and its last ends
    /// with it (no ASCII byte extends a Character, so a Character ending in one is white space only if that
    /// byte is), and neither equals a one-byte string other than its byte. The trims' fast path: most
    /// strings come trimmed.
    static func hasPlainEnds(_ text: String, trimmed: (UInt8) -> Bool) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return first < 0x80 && last < 0x80 && !trimmed(first) && !trimmed(last)
    }

    /// Whether the UTF-8 of `text` is all ASCII.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isASCII) ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether `text` is ASCII without a carriage return: then each byte is a Character, and a byte search
    /// finds what the Character search finds, at the same place.
    static func isOneByteCharacters(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isOneByteCharacters) ?? text.utf8.allSatisfy { $0 < 0x80 && $0 != 13 }
    }

    /// Whether every byte is ASCII and none is a carriage return.
    static func isOneByteCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 || byte == 13 { return false }
        return true
    }

    /// Whether an ASCII byte is white space as a Character (tab, line feed, vertical tab, form feed, carriage
    /// return, space).
    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte &- 9 < 5 }

    /// An ASCII byte in lower case.
    static func lowercased(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte + 32 : byte }

    /// ASCII bytes in lower case, as a String.
    static func lowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: bytes.map(lowercased), as: UTF8.self)
    }

    /// Calls `body` with each run of ASCII letters and digits in the UTF-8 of `text`, in order, until it returns
    /// false. For an ASCII text these are the pieces of `split(whereSeparator: { !($0.isLetter || $0.isNumber) })`.
    static func forEachWord(in text: String, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for i in 0...bytes.count {
                if i < bytes.count, isLetterOrDigit(bytes[i]) { continue }
                if start < i, !body(bytes[start..<i]) { return }
                start = i + 1
            }
        }
    }

    /// The number of Unicode scalars of `text` that are not white space (`properties.isWhitespace`): ASCII
    /// white space is tab…carriage return and space; a non-ASCII scalar is looked up only when there is one.
    static func nonSpaceScalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var nonASCII = false
            for byte in bytes where byte & 0xC0 != 0x80 {
                if byte >= 0x80 { nonASCII = true; count += 1 } else if !isSpace(byte) { count += 1 }
            }
            if nonASCII {
                _ = UTF8Scalars.allNonASCII(bytes) { scalar in
                    if Unicode.Scalar(scalar)?.properties.isWhitespace ?? false { count -= 1 }
                    return true
                }
            }
            return count
        }
    }

    /// Whether a byte is A–Z, a–z or 0–9.
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
    }
}
