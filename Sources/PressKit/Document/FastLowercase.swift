/// `lowercased()` without the standard library's slow path for the common non-ASCII text.
///
/// The standard library lowercases a string that is not all ASCII scalar by scalar, building a `String` for
/// each scalar's lowercase mapping: about 100 instructions a byte, and web text is rarely all ASCII (one
/// curly quote, dash or no-break space is enough). Most non-ASCII scalars of such text have no lowercase
/// mapping at all: punctuation, symbols, lowercase accented letters, scripts without case. A text whose
/// non-ASCII scalars all lie in `FastLowercase.unchangedRanges` is lowercased byte by byte (A–Z only) to the
/// same bytes as `lowercased()`; any other text takes `lowercased()` itself. `FastLowercaseTests` checks every
/// scalar of those ranges against the standard library.
enum FastLowercase {
    /// Ranges of scalars that `lowercased()` leaves as they are (checked scalar by scalar in the tests), as
    /// pairs of first and last scalar: a `[ClosedRange<UInt32>]` cost a generic type's first use (0.17 M
    /// instructions) in every process.
    static let unchangedRanges: [UInt32] = [
        0x2000, 0x206F,  // general punctuation: dashes, quotes, ellipsis, zero-width spaces (the most common)
        0x0080, 0x00BF,  // C1 controls, no-break space, Latin-1 punctuation and symbols
        0x00DF, 0x00FF,  // ß and the lowercase Latin-1 letters (and ÷)
        0x0430, 0x045F,  // lowercase Cyrillic
        0x0590, 0x0DFF,  // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Indic scripts, Sinhala
        0x20A0, 0x20CF,  // currency signs
        0x3000, 0x9FFF,  // CJK punctuation, kana, CJK ideographs
        0xAC00, 0xD7AF,  // Hangul syllables
        0xFE00, 0xFE0F,  // variation selectors
        0xFF01, 0xFF20,  // full-width punctuation and digits (not the letters after them)
        0x1F000, 0x1FAFF,  // emoji and pictographs
    ]

    static func isUnchanged(_ scalar: UInt32) -> Bool {
        var i = 0
        while i < unchangedRanges.count {
            if scalar >= unchangedRanges[i], scalar <= unchangedRanges[i + 1] { return true }
            i += 2
        }
        return false
    }

    enum Outcome {
        /// The text is its own lowercase.
        case unchanged
        /// The text with A–Z lowercased: every other scalar is its own lowercase.
        case lowered(String)
        /// A scalar outside `unchangedRanges`: only `lowercased()` knows.
        case general
    }

    /// What lowercasing valid UTF-8 gives, when only its ASCII letters change.
    static func lowercase(_ utf8: UnsafeBufferPointer<UInt8>) -> Outcome {
        let n = utf8.count
        var needsChange = false
        // The ASCII start (all of most class names and short texts): to its first A–Z, then on to its end.
        var i = 0
        while i < n {
            let b = utf8[i]
            if b >= 0x80 || b &- 0x41 < 26 { break }
            i += 1
        }
        if i < n, utf8[i] < 0x80 {
            needsChange = true
            while i < n, utf8[i] < 0x80 { i += 1 }
        }
        if i < n {
            // The rest from its first non-ASCII byte (a lead byte).
            let rest = UnsafeBufferPointer(rebasing: utf8[i...])
            guard UTF8Scalars.allNonASCII(rest, satisfy: isUnchanged) else { return .general }
            if !needsChange { for b in rest where b &- 0x41 < 26 { needsChange = true; break } }
        }
        if !needsChange { return .unchanged }
        return .lowered(String(unsafeUninitializedCapacity: n) { out in
            for j in 0..<n { out[j] = ASCIIText.lowercased(utf8[j]) }
            return n
        })
    }
}

extension StringProtocol {
    /// The same string as `lowercased()`, faster on text whose non-ASCII characters have no case.
    func fastLowercased() -> String {
        var text = String(self)
        switch text.withUTF8({ FastLowercase.lowercase($0) }) {
        case .unchanged: return text
        case .lowered(let lowered): return lowered
        case .general: return text.lowercased()
        }
    }
}
