#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scans of a byte buffer for one byte value through libc's `memchr`, which reads a machine word or a vector
/// at a time: the whole-input checks of a reader (a NUL anywhere, the `<` count that sizes the DOM, a byte
/// that marks possible mojibake) cost a fraction of an instruction a byte instead of several.
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
}
