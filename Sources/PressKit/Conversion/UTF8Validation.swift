/// Whether bytes are well-formed UTF-8, without building a String (the HTML reader checks whole pages).
/// Same answer as `String(validating:as: UTF8.self) != nil`: Unicode's Table 3-7, so no overlong forms,
/// no surrogates, nothing past U+10FFFF. Runs of ASCII are skipped eight bytes at a time.
enum UTF8Validation {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            let count = buffer.count
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i < count {
                if i + 8 <= count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let lead = base[i]
                if lead < 0x80 {
                    i += 1
                } else if lead < 0xC2 {
                    return false
                } else if lead < 0xE0 {
                    guard i + 1 < count, base[i + 1] & 0xC0 == 0x80 else { return false }
                    i += 2
                } else if lead < 0xF0 {
                    guard i + 2 < count else { return false }
                    let second = base[i + 1]
                    let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
                    let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
                    guard second >= low, second <= high, base[i + 2] & 0xC0 == 0x80 else { return false }
                    i += 3
                } else if lead < 0xF5 {
                    guard i + 3 < count else { return false }
                    let second = base[i + 1]
                    let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
                    let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
                    guard second >= low, second <= high, base[i + 2] & 0xC0 == 0x80, base[i + 3] & 0xC0 == 0x80 else {
                        return false
                    }
                    i += 4
                } else {
                    return false
                }
            }
            return true
        }
    }
}
