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
