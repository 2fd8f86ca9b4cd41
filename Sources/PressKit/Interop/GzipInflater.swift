import CZlib

/// Inflates deflate data (gzip, zlib or raw) incrementally with zlib. The only file besides
/// `GzipByteSource` that calls zlib. One inflater per stream; not shared between threads.
final class GzipInflater {
    enum Wrapper {
        /// gzip members (RFC 1952).
        case gzip
        /// zlib (RFC 1950) or raw deflate (RFC 1951), as `Content-Encoding: deflate` is sent either way.
        case zlib
        case raw

        var windowBits: Int32 {
            switch self {
            case .gzip: return 16 + 15
            case .zlib: return 15
            case .raw: return -15
            }
        }
    }

    struct Failure: Error {
        let message: String
    }

    /// zlib keeps a pointer back to the stream structure: it must not move, so it lives on the heap.
    private let stream: UnsafeMutablePointer<z_stream>

    init(_ wrapper: Wrapper) throws(Failure) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = presskit_inflate_init2(stream, wrapper.windowBits)
        if status != Z_OK {
            stream.deallocate()
            throw Failure(message: "zlib could not start (\(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Starts a new member with the same wrapper (the next gzip member of a multi-member file).
    func reset() {
        inflateReset(stream)
    }

    /// Inflates from `input` into `output`. Returns how many input bytes were used, how many output
    /// bytes were written, and whether the member (or stream) ended.
    func inflate(_ input: UnsafeRawBufferPointer,
                 into output: UnsafeMutableRawBufferPointer) throws(Failure) -> (consumed: Int, produced: Int, ended: Bool) {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        let consumed = input.count - Int(stream.pointee.avail_in)
        let produced = output.count - Int(stream.pointee.avail_out)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        switch status {
        case Z_STREAM_END: return (consumed, produced, true)
        case Z_OK, Z_BUF_ERROR: return (consumed, produced, false) // Z_BUF_ERROR: needs more input
        case Z_DATA_ERROR:
            let reason = stream.pointee.msg.map { String(cString: $0) } ?? "invalid data"
            throw Failure(message: "corrupt compressed data (\(reason))")
        case Z_MEM_ERROR: throw Failure(message: "out of memory while decompressing")
        default: throw Failure(message: "corrupt compressed data (zlib status \(status))")
        }
    }

    /// Inflates from `input`, appending at most `capacity` bytes to `output`.
    func inflate(_ input: UnsafeRawBufferPointer, into output: inout [UInt8],
                 capacity: Int = 1 << 16) throws(Failure) -> (consumed: Int, ended: Bool) {
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: capacity))
        var result: Result<(consumed: Int, produced: Int, ended: Bool), Failure> = .success((0, 0, false))
        output.withUnsafeMutableBytes { out in
            do throws(Failure) {
                result = .success(try inflate(input, into: UnsafeMutableRawBufferPointer(rebasing: out[start...])))
            } catch {
                result = .failure(error)
            }
        }
        switch result {
        case .success(let r):
            output.removeLast(capacity - r.produced)
            return (r.consumed, r.ended)
        case .failure(let error):
            output.removeLast(capacity)
            throw error
        }
    }
}

/// Whole-buffer decompression of HTTP bodies sent with `Content-Encoding: gzip` or `deflate`.
public enum Gzip {
    /// Whether bytes start with the gzip magic number.
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        var it = bytes.makeIterator()
        return it.next() == 0x1F && it.next() == 0x8B
    }

    /// The decompressed bytes of a gzip (several members are joined) or deflate body, at most `limit`
    /// bytes. `complete` is false when the data ends early (a truncated body): what could be inflated is
    /// kept. Nil when the data is not compressed data at all or exceeds `limit`.
    public static func decompress(_ bytes: [UInt8], deflate: Bool = false,
                                  limit: Int = 256 << 20) -> (bytes: [UInt8], complete: Bool)? {
        let wrapper: GzipInflater.Wrapper
        if deflate {
            // "deflate" is zlib-wrapped by the standard but raw deflate from many servers.
            wrapper = bytes.count >= 2 && (UInt16(bytes[0]) << 8 | UInt16(bytes[1])) % 31 == 0
                && bytes[0] & 0x0F == 8 ? .zlib : .raw
        } else {
            guard isGzip(bytes) else { return nil }
            wrapper = .gzip
        }
        guard let inflater = try? GzipInflater(wrapper) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(min(bytes.count * 4, limit))
        var offset = 0
        var complete = false
        do {
            try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                while true {
                    let input = UnsafeRawBufferPointer(rebasing: raw[offset...])
                    let before = output.count
                    let (consumed, ended) = try inflater.inflate(input, into: &output)
                    offset += consumed
                    if output.count > limit { throw GzipInflater.Failure(message: "larger than the limit") }
                    if ended {
                        complete = true
                        // Another gzip member may follow (trailing padding is ignored).
                        guard wrapper == .gzip, offset + 1 < raw.count, raw[offset] == 0x1F, raw[offset + 1] == 0x8B
                        else { return }
                        inflater.reset()
                        complete = false
                        continue
                    }
                    if consumed == 0 && output.count == before { return } // input exhausted: truncated
                }
            }
        } catch {
            if output.isEmpty || output.count > limit { return nil }
            return (output, false)
        }
        if output.isEmpty && !complete { return nil }
        return (output, complete)
    }
}
