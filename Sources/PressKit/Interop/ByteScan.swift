#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scans of a byte buffer for one byte value through libc's `memchr`, which reads a machine word or a vector
/// at a time: the whole-input checks of a reader (a NUL anywhere, the `<` count that sizes the DOM, a byte
/// that marks possible mojibake) cost a fraction of an instruction a byte instead of several. The one byte
/// substring search (`firstOffset`, `firstRange`) is built on it too.
enum ByteScan {
    /// Whether `buffer` holds `byte`.
    static func contains(_ byte: UInt8, in buffer: UnsafeRawBufferPointer) -> Bool {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
        return memchr(base, Int32(byte), buffer.count) != nil
    }

    /// Whether `bytes` holds `byte`.
    static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { contains(byte, in: $0) }
    }

    /// Whether the UTF-8 of `text` holds `byte` (a String not stored as contiguous UTF-8 is scanned byte by byte).
    static func contains(_ byte: UInt8, inUTF8 text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { contains(byte, in: UnsafeRawBufferPointer($0)) }
            ?? text.utf8.contains(byte)
    }

    /// The offset of the first `byte` in `buffer` at or after `start`, or nil.
    static func firstOffset(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count,
              let hit = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }

    /// How many times `byte` occurs in `bytes`.
    static func count(of byte: UInt8, in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0, offset = 0
            while offset < buffer.count, let hit = memchr(base + offset, Int32(byte), buffer.count - offset) {
                count += 1
                offset = base.distance(to: UnsafeRawPointer(hit)) + 1
            }
            return count
        }
    }

    /// The offset of the first occurrence of `needle` in `haystack`, byte for byte (0 for an empty needle; nil
    /// when there is none): `memchr` finds each candidate first byte, `memcmp` compares the rest.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let n = needle.baseAddress, !needle.isEmpty else { return 0 }
        guard let h = haystack.baseAddress, needle.count <= haystack.count else { return nil }
        let lastStart = haystack.count - needle.count
        var offset = 0
        while offset <= lastStart, let hit = memchr(h + offset, Int32(n[0]), lastStart - offset + 1) {
            let i = UnsafeRawPointer(h).distance(to: UnsafeRawPointer(hit))
            if memcmp(h + i + 1, n + 1, needle.count - 1) == 0 { return i }
            offset = i + 1
        }
        return nil
    }

    /// `firstOffset` in the UTF-8 of `text`.
    static func firstOffset(of needle: String, inUTF8 text: String) -> Int? {
        var needle = needle, text = text
        return text.withUTF8 { h in needle.withUTF8 { n in firstOffset(of: n, in: h) } }
    }

    /// The first byte-wise match of `needle` in `text`, as a range of `text`'s indices (for texts whose bytes
    /// are their Characters, `ASCIIText.isOneByteCharacters`, the range `firstRange(of:)` finds).
    static func firstRange(of needle: String, inUTF8 text: String) -> Range<String.Index>? {
        guard let offset = firstOffset(of: needle, inUTF8: text) else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
    }
}
