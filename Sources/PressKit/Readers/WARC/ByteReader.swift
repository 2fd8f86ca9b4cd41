#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered reading of a `ByteSource`: lines and counted blocks, with the offset of every byte. Memory
/// holds the buffer plus what the caller asks for (one line, one record block).
public final class ByteReader {
    private let source: any ByteSource
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false
    /// Offset of the next unread byte from the start of the stream.
    public private(set) var offset = 0

    public init(_ source: any ByteSource, bufferSize: Int = 1 << 16) {
        self.source = source
        buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    /// A line too long to keep: it was skipped, `length` bytes with its newline.
    public enum Line {
        case bytes([UInt8])
        case tooLong(length: Int)
    }

    /// Moves unread bytes to the front and reads more; false at the end of the input.
    private func refill() throws -> Bool {
        if atEnd { return false }
        if start > 0 {
            let count = end - start
            if count > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + start, count)
                }
            }
            start = 0
            end = count
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let n = try buffer.withUnsafeMutableBytes { raw in
            try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
        }
        if n == 0 { atEnd = true; return false }
        end += n
        return true
    }

    /// The next byte without consuming it; nil at the end.
    public func peek() throws -> UInt8? {
        if start == end, try !refill() { return nil }
        return buffer[start]
    }

    /// Whether the unread bytes start with `prefix` (reading more as needed).
    public func hasPrefix(_ prefix: [UInt8]) throws -> Bool {
        while end - start < prefix.count {
            if try !refill() { return false }
        }
        for (i, b) in prefix.enumerated() where buffer[start + i] != b { return false }
        return true
    }

    /// The next line with its line end ("\n" or "\r\n"), or the rest of the input when it has no newline;
    /// nil at the end. A line longer than `limit` is skipped and reported by its length.
    public func readLine(limit: Int = Int.max) throws -> Line? {
        var searched = 0
        var skipped = 0
        while true {
            let found: Int? = buffer.withUnsafeBytes { raw in
                let from = start + searched
                guard from < end, let p = memchr(raw.baseAddress! + from, 0x0A, end - from) else { return nil }
                return raw.baseAddress!.distance(to: UnsafeRawPointer(p))
            }
            if let newline = found {
                let length = newline + 1 - start
                if skipped > 0 || length > limit {
                    start = newline + 1
                    offset += length
                    return .tooLong(length: skipped + length)
                }
                let line = Array(buffer[start...newline])
                start = newline + 1
                offset += length
                return .bytes(line)
            }
            if end - start > limit {
                // Too long to keep: drop what is buffered and go on to the line's end.
                skipped += end - start
                offset += end - start
                start = end
                searched = 0
            } else {
                searched = end - start
            }
            if try !refill() {
                if start == end { return skipped > 0 ? .tooLong(length: skipped) : nil }
                let rest = end - start
                if skipped > 0 || rest > limit {
                    start = end
                    offset += rest
                    return .tooLong(length: skipped + rest)
                }
                let line = Array(buffer[start..<end])
                start = end
                offset += rest
                return .bytes(line)
            }
        }
    }

    /// Up to `count` bytes (fewer only at the end of the input).
    public func read(_ count: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        let buffered = min(count, end - start)
        result.append(contentsOf: buffer[start..<(start + buffered)])
        start += buffered
        offset += buffered
        while result.count < count {
            if try !refill() { break }
            let take = min(count - result.count, end - start)
            result.append(contentsOf: buffer[start..<(start + take)])
            start += take
            offset += take
        }
        return result
    }

    /// Skips up to `count` bytes; returns how many were skipped (fewer only at the end).
    @discardableResult
    public func skip(_ count: Int) throws -> Int {
        var skipped = 0
        while skipped < count {
            if start == end, try !refill() { break }
            let take = min(count - skipped, end - start)
            start += take
            offset += take
            skipped += take
        }
        return skipped
    }
}

extension ByteReader: ByteSource {
    /// The unread bytes as a source of their own (a decompressor reading what was looked at first).
    public func read(into destination: UnsafeMutableRawBufferPointer) throws -> Int {
        if start == end, try !refill() { return 0 }
        let n = min(destination.count, end - start)
        buffer.withUnsafeBytes { raw in
            destination.baseAddress!.copyMemory(from: raw.baseAddress! + start, byteCount: n)
        }
        start += n
        offset += n
        return n
    }
}
