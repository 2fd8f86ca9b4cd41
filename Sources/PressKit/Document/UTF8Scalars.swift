/// The non-ASCII scalars of valid UTF-8 (a Swift String's bytes), decoded from their lead bytes without
/// validating them again.
enum UTF8Scalars {
    /// Whether `body` holds for every scalar at or above U+0080 (it is called until it does not).
    @inline(__always)
    static func allNonASCII(_ utf8: UnsafeBufferPointer<UInt8>, satisfy body: (UInt32) -> Bool) -> Bool {
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b < 0x80 { i += 1; continue }
            let scalar: UInt32
            if b < 0xE0 {
                scalar = UInt32(b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                i += 2
            } else if b < 0xF0 {
                scalar = UInt32(b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                i += 3
            } else {
                scalar = UInt32(b & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12
                    | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
                i += 4
            }
            if !body(scalar) { return false }
        }
        return true
    }
}
