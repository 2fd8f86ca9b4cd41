/// Where a stream's bytes come from, a piece at a time: a file descriptor (the command line's), a
/// decompressor, or memory. Streams are read through this so that memory stays bounded by one record,
/// never by the whole input.
public protocol ByteSource: AnyObject {
    /// Fills the start of `buffer` and returns how many bytes were read; 0 at the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// A stream could not be read further: corrupt compressed data, or an error from the source.
public struct StreamInputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The byte offset in the input (the compressed file for gzip) where the problem is.
    public var offset: Int

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) (at byte \(offset))" }
}

/// Bytes in memory as a source (tests, and a whole input handed to a `Reader`).
public final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - position)
        if n > 0 {
            bytes.withUnsafeBytes { raw in
                buffer.baseAddress!.copyMemory(from: raw.baseAddress! + position, byteCount: n)
            }
            position += n
        }
        return n
    }
}
