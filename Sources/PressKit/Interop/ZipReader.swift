import CLibZip
#if canImport(Glibc)
import Glibc
#endif

/// Reads entries of a zip archive held in memory with libzip (a `--reference-doc` .docx).
public struct ZipReader {
    private let bytes: [UInt8]

    /// An archive in memory; nothing is read until `entry(_:)`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The bytes of the entry `name`, or nil when the archive has no such entry.
    /// Throws when the bytes are not a zip archive or the entry is larger than `limit`.
    public func entry(_ name: String, limit: Int = 64 << 20) throws -> [UInt8]? {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let count = bytes.count
        guard let memory = malloc(max(count, 1)) else { throw PressKitError(.internal, "zip: out of memory") }
        bytes.withUnsafeBytes { raw in
            if count > 0 { memory.copyMemory(from: raw.baseAddress!, byteCount: count) }
        }
        guard let source = zip_source_buffer_create(memory, zip_uint64_t(count), 1, &error) else {
            free(memory)
            throw PressKitError(.invalidInput, "not a zip archive")
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            throw PressKitError(.invalidInput, "not a zip archive")
        }
        defer { zip_discard(archive) }
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat(archive, name, 0, &stat) == 0, stat.valid & zip_uint64_t(ZIP_STAT_SIZE) != 0 else { return nil }
        guard stat.size <= zip_uint64_t(limit) else {
            throw PressKitError(.invalidInput, "\(name) in the archive is larger than \(limit) bytes")
        }
        guard let file = zip_fopen(archive, name, 0) else {
            throw PressKitError(.invalidInput, "cannot read \(name) in the archive")
        }
        defer { zip_fclose(file) }
        let size = Int(stat.size)
        var out = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = out.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress! + done, zip_uint64_t(size - done)) }
            guard n > 0 else { throw PressKitError(.invalidInput, "cannot read \(name) in the archive") }
            done += Int(n)
        }
        return out
    }
}
