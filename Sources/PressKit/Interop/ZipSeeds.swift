import CZipSeeds
import CZlib
#if canImport(Glibc)
import Glibc
#endif

/// Constant package parts shipped already deflated ("seeds"), so that even the first archive of a process
/// copies their compressed bytes instead of running zlib for them.
///
/// `ZipEntryCache` deflates a recurring part once per process, from its second sighting on; a process that
/// writes one file never gets there, and spent about a quarter of a small DOCX conversion deflating its
/// constant parts (styles, settings, font table, …: a zlib stream set-up each). The seeds are the same
/// one-entry archives the cache would make (`ZipArchive.deflatedSingleEntry`), made ahead of time and compiled
/// into the binary (the C target `CZipSeeds`: a table of fingerprint, raw bytes and archive bytes). On the
/// first sighting of a part, the cache asks `archive(for:fingerprint:)`, which finds a seed by fingerprint and
/// confirms it byte for byte (memcmp: parts such as `document.xml` are user-influenced, a hash alone is not
/// trusted).
///
/// Which parts are seeds is decided by the tests, not here: `Tests/PressKitTests/ZipSeedsTests.swift` lists
/// them from the code that makes them (DOCX styles and settings for each language of
/// `LanguageTag.withRegion`, the other `DOCXConstantParts`, `docProps/app.xml` without a company, EPUB's
/// container and stylesheet), fails when the compiled seeds differ from that list, and regenerates
/// `Sources/CZipSeeds/seeds.c` with `make zip-seeds`. A stale seed is harmless at run time (a part no
/// longer made is never matched); a missing one only costs the deflate it would have saved.
///
/// The output does not depend on the seeds: the archives were deflated by zlib 1.2.13 at level 6, and are
/// used only where the running zlib reports that same version (and `ZipArchive.deflateLevel` is that
/// level), where deflating afresh gives the same bytes. Elsewhere (another zlib, zlib-ng) the seeds are left
/// unused. The fingerprint reads 8-byte words in the machine's byte order: on a big-endian machine no seed
/// matches, which is only slower.
enum ZipSeeds {
    /// Whether the seeds match this process's deflate (same zlib version, same level).
    static let usable: Bool = {
        guard let running = zlibVersion() else { return false }
        return strcmp(running, pk_zip_seed_zlib_version()) == 0
            && pk_zip_seed_deflate_level() == Int32(ZipArchive.deflateLevel)
    }()

    /// The one-entry archive shipped for `bytes` (whose `ZipEntryCache.fingerprint` is `fingerprint`), or nil
    /// when no seed holds exactly these bytes or the seeds are not usable here.
    static func archive(for bytes: [UInt8], fingerprint: UInt64) -> [UInt8]? {
        guard usable, !bytes.isEmpty else { return nil }
        var count: UInt32 = 0
        let table = UnsafeBufferPointer(start: pk_zip_seed_table(&count), count: Int(count))
        let base = pk_zip_seed_bytes()
        // The table is sorted by fingerprint: the first seed with it, then any others sharing it.
        var index = SortedSearch.lowerBound(count: table.count) { table[$0].fingerprint < fingerprint }
        while index < table.count, table[index].fingerprint == fingerprint {
            let seed = table[index]
            index += 1
            guard Int(seed.raw_count) == bytes.count else { continue }
            let same = bytes.withUnsafeBytes { memcmp($0.baseAddress!, base + Int(seed.raw_offset), bytes.count) == 0 }
            if same { return Array(UnsafeBufferPointer(start: base + Int(seed.archive_offset), count: Int(seed.archive_count))) }
        }
        return nil
    }
}
