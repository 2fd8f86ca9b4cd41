import CLibZip
#if canImport(Glibc)
import Glibc
#endif

/// Reads a zip archive held in memory with libzip: the archive is opened once, its entries listed, and
/// what it inflates is bounded (entry count, per-entry and total uncompressed size, compression ratio), so
/// a zip bomb is refused before it is inflated. Entry names that climb out (`../`) or are absolute are
/// ignored. Not thread-safe: one reader per conversion.
public final class ZipReader {
    /// What the reader agrees to inflate.
    public struct Limits: Sendable {
        /// The most entries the archive may list.
        public var maxEntries: Int
        /// The most bytes one entry may inflate to.
        public var maxEntrySize: Int
        /// The most bytes all entries read may inflate to, together.
        public var maxTotalSize: Int
        /// The highest uncompressed/compressed ratio accepted for an entry larger than `ratioFloor`.
        public var maxRatio: Int
        /// Entries up to this size are not held to `maxRatio` (small repetitive XML compresses very well).
        public var ratioFloor: Int

        public init(maxEntries: Int = 10_000, maxEntrySize: Int = 64 << 20, maxTotalSize: Int = 256 << 20,
                    maxRatio: Int = 200, ratioFloor: Int = 1 << 20) {
            self.maxEntries = maxEntries
            self.maxEntrySize = maxEntrySize
            self.maxTotalSize = maxTotalSize
            self.maxRatio = maxRatio
            self.ratioFloor = ratioFloor
        }
    }

    /// One entry as the central directory lists it.
    public struct Entry: Hashable, Sendable {
        public var name: String
        public var size: Int
        public var compressedSize: Int
        /// The CRC-32 the central directory gives for the uncompressed bytes.
        public var crc: UInt32 = 0
        /// Whether the entry is stored encrypted.
        public var encrypted = false
        /// The compression method (`ZIP_CM_*`: 0 stored, 8 deflated).
        public var compressionMethod: Int32 = 0
        fileprivate var index: zip_uint64_t
    }

    public let limits: Limits
    private var archive: OpaquePointer?
    private var openError: PressKitError?
    private var listed: [Entry]?
    private var byName: [String: Int] = [:]
    /// Bytes inflated so far, for `maxTotalSize`.
    public private(set) var inflated = 0

    /// Opens the archive in memory; an error (not a zip, too many entries) is thrown by the first call.
    public init(_ bytes: [UInt8], limits: Limits = Limits()) {
        self.limits = limits
        do { try ZipLibrary.load() } catch let error as PressKitError {
            openError = error
            return
        } catch {}
        guard let opened = ZipLibrary.openInMemory(bytes) else {
            openError = PressKitError(.invalidInput, "not a zip archive")
            return
        }
        archive = opened
    }

    deinit {
        if let archive { pk_zip_discard(archive) }
    }

    /// The archive's entries (directories and unsafe names left out), in central-directory order.
    public func entries() throws -> [Entry] {
        if let listed { return listed }
        guard let archive else { throw openError ?? PressKitError(.invalidInput, "not a zip archive") }
        let count = pk_zip_get_num_entries(archive, 0)
        guard count >= 0 else { throw PressKitError(.invalidInput, "not a zip archive") }
        guard count <= Int64(limits.maxEntries) else {
            throw PressKitError(.invalidInput, "the zip archive lists \(count) entries, more than the \(limits.maxEntries) allowed")
        }
        var list: [Entry] = []
        list.reserveCapacity(Int(count))
        for i in 0..<zip_uint64_t(count) {
            var stat = zip_stat_t()
            pk_zip_stat_init(&stat)
            guard pk_zip_stat_index(archive, i, 0, &stat) == 0, let cName = stat.name else { continue }
            let name = String(cString: cName)
            guard Self.isSafe(name), !name.hasSuffix("/") else { continue }
            let size = stat.valid & zip_uint64_t(ZIP_STAT_SIZE) != 0 ? Int(clamping: stat.size) : Int.max
            let compressed = stat.valid & zip_uint64_t(ZIP_STAT_COMP_SIZE) != 0 ? Int(clamping: stat.comp_size) : 0
            if byName[name] == nil { byName[name] = list.count }
            let crc = stat.valid & zip_uint64_t(ZIP_STAT_CRC) != 0 ? stat.crc : 0
            let encrypted = stat.valid & zip_uint64_t(ZIP_STAT_ENCRYPTION_METHOD) == 0 || stat.encryption_method != ZIP_EM_NONE
            let method = stat.valid & zip_uint64_t(ZIP_STAT_COMP_METHOD) != 0 ? Int32(stat.comp_method) : -1
            list.append(Entry(name: name, size: size, compressedSize: compressed, crc: crc, encrypted: encrypted,
                              compressionMethod: method, index: i))
        }
        listed = list
        return list
    }

    /// Whether the archive has an entry `name`.
    public func contains(_ name: String) -> Bool {
        guard (try? entries()) != nil else { return false }
        return byName[name] != nil
    }

    /// The bytes of the entry `name`, or nil when the archive has no such entry (or its name is unsafe).
    /// Throws when the bytes are not a zip archive, or the entry would inflate past `limit` (default
    /// `limits.maxEntrySize`), the total, or the ratio.
    public func entry(_ name: String, limit: Int? = nil) throws -> [UInt8]? {
        let list = try entries()
        guard let position = byName[name] else { return nil }
        return try read(list[position], limit: limit)
    }

    /// The listed entry `name`, nil when the archive has none (or its name is unsafe).
    public func listedEntry(_ name: String) throws -> Entry? {
        let list = try entries()
        return byName[name].map { list[$0] }
    }

    /// The entry's bytes as stored (compressed, not inflated, not checked), for a caller that recognises a
    /// part it has seen before by them; nil for an encrypted entry or one larger than `limit` stored.
    public func storedBytes(_ entry: Entry, limit: Int) throws -> [UInt8]? {
        guard let archive else { throw openError ?? PressKitError(.invalidInput, "not a zip archive") }
        guard !entry.encrypted, entry.compressedSize > 0, entry.compressedSize <= limit else { return nil }
        guard let file = pk_zip_fopen_index(archive, entry.index, zip_flags_t(ZIP_FL_COMPRESSED)) else { return nil }
        defer { pk_zip_fclose(file) }
        var out = [UInt8](repeating: 0, count: entry.compressedSize)
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { pk_zip_fread(file, $0.baseAddress! + done, zip_uint64_t($0.count - done)) }
            guard n > 0 else { return nil }
            done += Int(n)
        }
        return out
    }

    /// Counts an entry the caller has the bytes of already (recognised by `storedBytes`) as read: the same
    /// limits apply as to `read`, so a cache never lets an archive inflate more than it could without one.
    public func admit(_ entry: Entry, limit: Int? = nil) throws {
        try check(entry, limit: limit)
        inflated += entry.size
    }

    private func check(_ entry: Entry, limit: Int?) throws {
        let cap = min(limit ?? limits.maxEntrySize, limits.maxEntrySize)
        guard entry.size <= cap else {
            throw PressKitError(.invalidInput, "zip bomb refused: \(entry.name) would inflate to \(entry.size) bytes, more than \(cap)")
        }
        guard inflated + entry.size <= limits.maxTotalSize else {
            throw PressKitError(.invalidInput, "zip bomb refused: the archive inflates to more than \(limits.maxTotalSize) bytes")
        }
        if entry.size > limits.ratioFloor, entry.size / max(entry.compressedSize, 1) > limits.maxRatio {
            throw PressKitError(.invalidInput,
                                "zip bomb refused: \(entry.name) is compressed \(entry.size / max(entry.compressedSize, 1)):1, more than \(limits.maxRatio):1")
        }
    }

    /// The bytes of one listed entry, inflated within the limits.
    public func read(_ entry: Entry, limit: Int? = nil) throws -> [UInt8] {
        guard let archive else { throw openError ?? PressKitError(.invalidInput, "not a zip archive") }
        try check(entry, limit: limit)
        guard let file = pk_zip_fopen_index(archive, entry.index, 0) else {
            throw PressKitError(.invalidInput, "cannot read \(entry.name) in the zip archive (encrypted or damaged)")
        }
        defer { pk_zip_fclose(file) }
        let size = entry.size
        var out = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = out.withUnsafeMutableBytes { pk_zip_fread(file, $0.baseAddress! + done, zip_uint64_t(size - done)) }
            guard n > 0 else { throw PressKitError(.invalidInput, "cannot read \(entry.name) in the zip archive (damaged)") }
            done += Int(n)
        }
        inflated += size
        return out
    }

    /// A name is safe when it is relative and no component is `..`.
    static func isSafe(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") || name.hasPrefix("\\") || name.contains(":") { return false }
        return !name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
    }
}
