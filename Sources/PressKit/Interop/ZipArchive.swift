import CLibZip
#if canImport(Glibc)
import Glibc
#endif

/// Builds a zip archive in memory with libzip (EPUB and DOCX containers); `ZipReader` reads them, `ZipLibrary` loads libzip and opens archives in memory.
/// Entries keep the order they were added in; every entry gets the same fixed time, so the same entries
/// give the same bytes.
public struct ZipArchive: Sendable {
    public struct Entry: Sendable {
        public var path: String
        public var bytes: [UInt8]
        /// Stored without compression (EPUB's `mimetype`).
        public var stored: Bool
    }

    public private(set) var entries: [Entry] = []
    /// Modification time of every entry, seconds since 1970 (DOS time has 2-second steps, from 1980).
    public var modificationTime: Int

    public init(modificationTime: Int = 315_532_800) {
        self.modificationTime = max(315_532_800, modificationTime)
    }

    public mutating func add(_ path: String, _ bytes: [UInt8], stored: Bool = false) {
        entries.append(Entry(path: path, bytes: bytes, stored: stored))
    }

    public mutating func add(_ path: String, _ text: String, stored: Bool = false) {
        add(path, Array(text.utf8), stored: stored)
    }

    /// MS-DOS time and date fields for seconds since 1970, in UTC (never the local time zone).
    static func dosTimeAndDate(_ seconds: Int) -> (UInt16, UInt16) {
        let days = seconds / 86_400
        let secs = seconds % 86_400
        let (year, month, day) = CivilDate.date(daysSince1970: days)
        let dosYear = min(max(year - 1980, 0), 127)
        let time = UInt16((secs / 3600) << 11 | ((secs / 60) % 60) << 5 | (secs % 60) / 2)
        let date = UInt16(dosYear << 9 | month << 5 | day)
        return (time, date)
    }

    /// The deflate level of every compressed entry (zlib's default; the zip seeds were made with it).
    static let deflateLevel: UInt32 = 6

    /// The archive's bytes. Entries that recur across archives in this process are deflated once, and the
    /// constant DOCX and EPUB parts shipped deflated (`ZipSeeds`) not at all (`ZipEntryCache`); the bytes
    /// are the same with or without the cache.
    public func data() throws -> [UInt8] {
        try data(reusingCompressedEntries: true)
    }

    /// A one-entry archive of `bytes`, deflated: the template `ZipEntryCache` copies compressed entries from.
    static func deflatedSingleEntry(_ bytes: [UInt8]) throws -> [UInt8] {
        var single = ZipArchive()
        single.add("entry", bytes)
        return try single.data(reusingCompressedEntries: false)
    }

    func data(reusingCompressedEntries: Bool) throws -> [UInt8] {
        try ZipLibrary.load()
        var error = zip_error_t()
        pk_zip_error_init(&error)
        defer { pk_zip_error_fini(&error) }
        guard let source = pk_zip_source_buffer_create(nil, 0, 0, &error) else {
            throw PressKitError(.internal, "zip: cannot create a buffer")
        }
        guard let archive = pk_zip_open_from_source(source, ZIP_TRUNCATE, &error) else {
            pk_zip_source_free(source)
            throw PressKitError(.internal, "zip: cannot open an archive in memory")
        }
        pk_zip_source_keep(source)
        defer { pk_zip_source_free(source) }
        let (dosTime, dosDate) = Self.dosTimeAndDate(modificationTime)
        // Archives whose compressed entries are copied: they must stay open until `zip_close` has read them;
        // after a successful close they go back to their template for the next archive (a failed one
        // discards the archive and its sources, and the copies are discarded too).
        var templates: [(ZipTemplate, OpaquePointer)] = []
        var closed = false
        defer {
            for (template, opened) in templates {
                if closed { template.checkIn(opened) } else { pk_zip_discard(opened) }
            }
        }
        for entry in entries {
            if reusingCompressedEntries, !entry.stored,
               let template = ZipEntryCache.shared.template(for: entry.bytes) {
                guard let opened = template.checkOut() else {
                    pk_zip_discard(archive)
                    throw PressKitError(.internal, "zip: cannot add \(entry.path)")
                }
                templates.append((template, opened))
                guard let entrySource = pk_zip_source_zip(archive, opened, 0, zip_flags_t(ZIP_FL_COMPRESSED), 0, -1) else {
                    pk_zip_discard(archive)
                    throw PressKitError(.internal, "zip: cannot add \(entry.path)")
                }
                let index = pk_zip_file_add(archive, entry.path, entrySource, zip_flags_t(ZIP_FL_ENC_UTF_8))
                if index < 0 {
                    pk_zip_source_free(entrySource)
                    pk_zip_discard(archive)
                    throw PressKitError(.internal, "zip: cannot add \(entry.path)")
                }
                pk_zip_file_set_dostime(archive, zip_uint64_t(index), dosTime, dosDate, 0)
                continue
            }
            let count = entry.bytes.count
            // An empty entry gets no buffer: libzip keeps (and later frees) a buffer only when it holds
            // bytes, so a one-byte allocation for an empty entry leaked (LeakSanitizer, docx-xml fuzzing).
            let memory = count > 0 ? malloc(count)! : nil
            entry.bytes.withUnsafeBytes { raw in
                if let memory, count > 0 { memory.copyMemory(from: raw.baseAddress!, byteCount: count) }
            }
            guard let entrySource = pk_zip_source_buffer(archive, memory, zip_uint64_t(count), memory == nil ? 0 : 1) else {
                free(memory)
                pk_zip_discard(archive)
                throw PressKitError(.internal, "zip: cannot add \(entry.path)")
            }
            let index = pk_zip_file_add(archive, entry.path, entrySource, zip_flags_t(ZIP_FL_ENC_UTF_8))
            if index < 0 {
                pk_zip_source_free(entrySource)
                pk_zip_discard(archive)
                throw PressKitError(.internal, "zip: cannot add \(entry.path)")
            }
            let method: Int32 = entry.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE
            // zlib's level 6 (its own default): libzip's default for deflate (flags 0) is level 9, which
            // costs about twice the time on XML for well under 1 % of the size.
            pk_zip_set_file_compression(archive, zip_uint64_t(index), method, entry.stored ? 0 : Self.deflateLevel)
            pk_zip_file_set_dostime(archive, zip_uint64_t(index), dosTime, dosDate, 0)
        }
        if pk_zip_close(archive) != 0 {
            pk_zip_discard(archive)
            throw PressKitError(.internal, "zip: cannot write the archive")
        }
        closed = true
        guard pk_zip_source_open(source) == 0 else { throw PressKitError(.internal, "zip: cannot read the archive back") }
        defer { pk_zip_source_close(source) }
        pk_zip_source_seek(source, 0, SEEK_END)
        let size = Int(pk_zip_source_tell(source))
        pk_zip_source_seek(source, 0, SEEK_SET)
        var out = [UInt8](repeating: 0, count: size)
        let read = out.withUnsafeMutableBytes { pk_zip_source_read(source, $0.baseAddress, zip_uint64_t(size)) }
        guard read == size else { throw PressKitError(.internal, "zip: short read of the archive") }
        return out
    }

}
