import PressKit

/// The numeric options (`--jobs`, `--wrap`, `--max-input-size`, `--shard`) parsed from their text, so that
/// any value — negative, huge, not a number — gives a usage error naming the allowed range, never a trap.
/// (The options are parsed `.unconditional`ly: `--jobs -3` is the value -3, not a missing value.)
enum NumericOption {
    /// A whole number in `range`, else a usage error "OPTION takes WHAT from LOW to HIGH, not 'TEXT'".
    static func integer(_ text: String, option: String, what: String = "a number",
                        in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw PressKitError(.usage, "\(option) takes \(what) from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return value
    }

    /// The largest `--max-input-size`: 1024G (inputs are read into memory whole).
    static let maxByteCount = 1 << 40

    /// "10M" → 10,485,760: a positive whole number, optionally followed by K, M or G (either case; powers of
    /// 1024), up to 1024G. Read on the UTF-8 bytes: every run parses the default, and `uppercased()`, a
    /// dictionary literal and `Character.isNumber` cost 0.17 M instructions on first use.
    static func byteCount(_ text: String) throws -> Int {
        var digits = Array(text.utf8)
        var scale = 1
        switch digits.last {
        case UInt8(ascii: "K"), UInt8(ascii: "k"): scale = 1 << 10
        case UInt8(ascii: "M"), UInt8(ascii: "m"): scale = 1 << 20
        case UInt8(ascii: "G"), UInt8(ascii: "g"): scale = 1 << 30
        default: break
        }
        if scale != 1 { digits.removeLast() }
        let range = "a size from 1 (byte) to 1024G"
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw PressKitError(.usage, "--max-input-size takes \(range), such as 50M or 2G, not '\(text)'")
        }
        // Digits alone: a number too long for Int is out of range, as is one that overflows once scaled.
        guard let n = Int(String(decoding: digits, as: UTF8.self)), n > 0 else {
            throw PressKitError(.usage, "--max-input-size takes \(range), not '\(text)'")
        }
        let (bytes, overflow) = n.multipliedReportingOverflow(by: scale)
        guard !overflow, bytes <= maxByteCount else {
            throw PressKitError(.usage, "--max-input-size takes \(range), not '\(text)'")
        }
        return bytes
    }
}
