import CZlib

/// Writes a zip archive with zlib directly, byte for byte as libzip 1.7 writes presskit's archives
/// (`ZipArchive.libzipData`, which the tests hold it to): entries in order, each a local header with no
/// extra field (version 2.0 and flag "maximum compression" for deflated entries, 1.0 and no flags for stored
/// ones), raw deflate at level 9 with memory level 9, then the central directory (made by Unix 6.3, file
/// attributes -rw-rw-rw-) and the end record, no comment. It skips libzip's sources, the copy of every
/// entry into `malloc` memory, the read-back of the finished archive, and loading libzip (and libcrypto
/// behind it) at all when a conversion only writes. Entries that recur across archives in a process are
/// deflated once (`ZipEntryCache`).
///
/// It writes only what it knows libzip writes the same way: ASCII names and non-empty entries in an archive
/// well under 4 GB (no Zip64); `write` returns nil otherwise and `ZipArchive` asks libzip.
enum ZipWriter {
    /// Deflate settings libzip 1.7 uses for `ZIP_CM_DEFLATE` with compression flags 0.
    static let level: Int32 = 9
    static let memoryLevel: Int32 = 9

    /// An entry deflated (raw deflate) with its CRC-32.
    struct Deflated: Sendable {
        var crc: UInt32
        var bytes: [UInt8]
    }

    /// Entries this writer takes: every name ASCII (libzip marks no UTF-8 flag then), every entry non-empty,
    /// the whole archive far from the 4 GB limits.
    static func canWrite(_ entries: [ZipArchive.Entry]) -> Bool {
        var total = 0
        for entry in entries {
            guard !entry.bytes.isEmpty, !entry.path.isEmpty, entry.path.utf8.count < 0xFFFF,
                  entry.path.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            total += entry.bytes.count + entry.path.utf8.count + 128
        }
        return entries.count < 0xFFFF && total < 0x7000_0000
    }

    /// The archive's bytes, or nil when `canWrite` says no (or zlib fails).
    static func write(_ entries: [ZipArchive.Entry], dosTime: UInt16, dosDate: UInt16,
                      cache: ZipEntryCache? = ZipEntryCache.shared) -> [UInt8]? {
        guard canWrite(entries) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(1024) { $0 + $1.path.utf8.count * 2 + 100 + ($1.stored ? $1.bytes.count : $1.bytes.count / 3) })
        var central: [UInt8] = []
        central.reserveCapacity(entries.reduce(22) { $0 + 46 + $1.path.utf8.count })
        var deflater: Deflater?
        for entry in entries {
            let offset = UInt32(out.count)
            let cached = entry.stored ? nil : cache?.deflated(for: entry.bytes)
            let size = UInt32(entry.bytes.count)
            let version: UInt16 = entry.stored ? 10 : 20
            let flags: UInt16 = entry.stored ? 0 : 2
            let method: UInt16 = entry.stored ? 0 : 8
            let name = entry.path.utf8
            // Local file header.
            // Local file header; the CRC and compressed size are filled in once the data is written.
            out.append32(0x0403_4B50)
            out.append16(version)
            out.append16(flags)
            out.append16(method)
            out.append16(dosTime)
            out.append16(dosDate)
            let crcOffset = out.count
            out.append32(0)
            out.append32(0)
            out.append32(size)
            out.append16(UInt16(name.count))
            out.append16(0)
            out.append(contentsOf: name)
            let dataStart = out.count
            let crc: UInt32
            if entry.stored {
                crc = crc32(entry.bytes)
                out.append(contentsOf: entry.bytes)
            } else if let cached {
                crc = cached.crc
                out.append(contentsOf: cached.bytes)
            } else {
                // Deflated straight into the archive, a chunk at a time (no buffer of the entry's size).
                if deflater == nil { deflater = Deflater() }
                guard let deflater, deflater.deflate(entry.bytes, appendingTo: &out) else { return nil }
                crc = crc32(entry.bytes)
            }
            let compressedSize = UInt32(out.count - dataStart)
            out.set32(crc, at: crcOffset)
            out.set32(compressedSize, at: crcOffset + 4)
            // Central directory header.
            central.append32(0x0201_4B50)
            central.append16(0x033F)
            central.append16(version)
            central.append16(flags)
            central.append16(method)
            central.append16(dosTime)
            central.append16(dosDate)
            central.append32(crc)
            central.append32(compressedSize)
            central.append32(size)
            central.append16(UInt16(name.count))
            central.append16(0)  // extra field
            central.append16(0)  // comment
            central.append16(0)  // disk
            central.append16(0)  // internal attributes
            central.append32(0o100666 << 16)
            central.append32(offset)
            central.append(contentsOf: name)
        }
        let centralOffset = UInt32(out.count)
        out.append(contentsOf: central)
        out.append32(0x0605_4B50)
        out.append16(0)
        out.append16(0)
        out.append16(UInt16(entries.count))
        out.append16(UInt16(entries.count))
        out.append32(UInt32(central.count))
        out.append32(centralOffset)
        out.append16(0)
        return out
    }

    /// Deflates `bytes` once (raw deflate, libzip's settings); nil if zlib fails.
    static func deflated(_ bytes: [UInt8]) -> Deflated? {
        Deflater()?.deflate(bytes)
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(CZlib.crc32_z(0, buffer.baseAddress, z_size_t(buffer.count)))
        }
    }

    /// One zlib stream, reset between entries of an archive.
    final class Deflater {
        /// zlib keeps a pointer back to the stream structure: it must not move, so it lives on the heap.
        private let stream: UnsafeMutablePointer<z_stream>
        private var used = false

        init?() {
            stream = .allocate(capacity: 1)
            stream.initialize(to: z_stream())
            if presskit_deflate_init2(stream, ZipWriter.level, -MAX_WBITS, ZipWriter.memoryLevel) != Z_OK {
                stream.deallocate()
                return nil
            }
        }

        deinit {
            deflateEnd(stream)
            stream.deallocate()
        }

        /// Deflates `bytes` (raw deflate, to the end) and appends the result to `out`.
        func deflate(_ bytes: [UInt8], appendingTo out: inout [UInt8]) -> Bool {
            if used { guard deflateReset(stream) == Z_OK else { return false } }
            used = true
            let chunkSize = 65_536
            var chunk = [UInt8](repeating: 0, count: min(chunkSize, Int(deflateBound(stream, uLong(bytes.count)))))
            let ok: Bool = bytes.withUnsafeBufferPointer { input in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                defer { stream.pointee.next_in = nil }
                while true {
                    let (status, produced): (Int32, Int) = chunk.withUnsafeMutableBufferPointer { output in
                        stream.pointee.next_out = output.baseAddress
                        stream.pointee.avail_out = uInt(output.count)
                        let status = CZlib.deflate(stream, Z_FINISH)
                        let produced = output.count - Int(stream.pointee.avail_out)
                        stream.pointee.next_out = nil
                        return (status, produced)
                    }
                    out.append(contentsOf: chunk[..<produced])
                    if status == Z_STREAM_END { return true }
                    if status != Z_OK && status != Z_BUF_ERROR { return false }
                    if status == Z_BUF_ERROR && produced == 0 { return false }
                }
            }
            return ok
        }

        func deflate(_ bytes: [UInt8]) -> Deflated? {
            var out: [UInt8] = []
            guard deflate(bytes, appendingTo: &out) else { return nil }
            return Deflated(crc: ZipWriter.crc32(bytes), bytes: out)
        }
    }
}

private extension Array where Element == UInt8 {
    mutating func append16(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func append32(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 24))
    }

    mutating func set32(_ value: UInt32, at index: Int) {
        self[index] = UInt8(truncatingIfNeeded: value)
        self[index + 1] = UInt8(truncatingIfNeeded: value >> 8)
        self[index + 2] = UInt8(truncatingIfNeeded: value >> 16)
        self[index + 3] = UInt8(truncatingIfNeeded: value >> 24)
    }
}
