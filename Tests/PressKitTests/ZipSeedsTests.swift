import CZipSeeds
import CZlib
import Foundation
import XCTest
@testable import PressKit

/// The zip seeds (`ZipSeeds`, `Sources/CZipSeeds/seeds.c`) against the code that makes the parts they hold.
///
/// `seedParts()` is the one list of seeded parts. When a part changes (a style, a namespace, a new language),
/// `testEveryPartHasItsSeed` or `testNoStaleSeeds` fails and asks for `make zip-seeds`, which sets
/// `PRESSKIT_WRITE_ZIP_SEEDS` to the path of seeds.c: `testWriteSeeds` then writes the file (it does nothing
/// without the variable, so `make test` never writes it) and the other tests run again on the rebuilt seeds.
final class ZipSeedsTests: XCTestCase {
    static let regenerate = "the compiled zip seeds are out of date: run `make zip-seeds`"

    /// Every seed as compiled in, in table order.
    static func allSeeds() -> [(fingerprint: UInt64, raw: [UInt8], archive: [UInt8])] {
        var count: UInt32 = 0
        let table = UnsafeBufferPointer(start: pk_zip_seed_table(&count), count: Int(count))
        let base = pk_zip_seed_bytes()
        return table.map { seed in
            (seed.fingerprint,
             Array(UnsafeBufferPointer(start: base + Int(seed.raw_offset), count: Int(seed.raw_count))),
             Array(UnsafeBufferPointer(start: base + Int(seed.archive_offset), count: Int(seed.archive_count))))
        }
    }

    /// The zlib version the seeds were made with ("" when there are none), and the one of this process.
    static var madeWithZlib: String { String(cString: pk_zip_seed_zlib_version()) }
    static var runningZlib: String { zlibVersion().map { String(cString: $0) } ?? "" }

    /// The constant parts worth shipping deflated, named for the generated file's comments: what a DOCX or
    /// EPUB without notes, lists, links, media, organization or custom stylesheet has in every language of
    /// `LanguageTag.withRegion`. Parts below `ZipEntryCache.minimumSize` are left out (the cache ignores them).
    static func seedParts() -> [(name: String, bytes: [UInt8])] {
        var parts: [(name: String, bytes: [UInt8])] = []
        let languages = LanguageTag.regions.keys.map(LanguageTag.withRegion).sorted()
        XCTAssertTrue(languages.contains("en-US"), "the default language of a DOCX")
        for language in languages {
            let constant = DOCXConstantParts.shared.parts(language: language)
            parts.append(("word/styles.xml " + language, constant.styles))
            parts.append(("word/settings.xml " + language, constant.settings))
        }
        parts.append(("word/fontTable.xml", DOCXConstantParts.fontTable))
        parts.append(("_rels/.rels", DOCXConstantParts.packageRelationships))
        parts.append(("word/footnotes.xml without notes", DOCXConstantParts.footnotesWithoutNotes))
        parts.append(("word/numbering.xml without lists", DOCXConstantParts.numberingWithoutLists))
        parts.append(("word/_rels/document.xml.rels without links", DOCXConstantParts.fixedDocumentRelationships))
        parts.append(("[Content_Types].xml without media", DOCXConstantParts.contentTypesWithoutMedia))
        let properties = DOCXProperties(documents: [Document()], language: "en-US", created: 0, modified: 0)
        XCTAssertNil(properties.organization)
        parts.append(("docProps/app.xml without a company", Array(properties.app().utf8)))
        parts.append(("META-INF/container.xml", EPUBPackageDocument.container))
        parts.append(("OEBPS/stylesheet (built in)", Array(EPUBStylesheet.builtIn.utf8)))
        var seen: Set<[UInt8]> = []
        return parts.filter { $0.bytes.count >= ZipEntryCache.minimumSize && seen.insert($0.bytes).inserted }
    }

    func testEveryPartHasItsSeed() throws {
        XCTAssertTrue(ZipSeeds.usable, "zlib \(Self.runningZlib) here, seeds made with zlib \(Self.madeWithZlib): "
                      + Self.regenerate)
        for part in Self.seedParts() {
            let archive = ZipSeeds.archive(for: part.bytes, fingerprint: ZipEntryCache.fingerprint(part.bytes))
            guard let archive else {
                XCTFail("\(part.name) has no seed: " + Self.regenerate)
                continue
            }
            XCTAssertEqual(try ZipReader(archive).entry("entry"), part.bytes, part.name)
            // The seed is the archive the cache would deflate here, so the output does not depend on the seeds.
            XCTAssertEqual(archive, try ZipArchive.deflatedSingleEntry(part.bytes), "\(part.name): " + Self.regenerate)
        }
    }

    func testNoStaleSeeds() {
        let listed = Set(Self.seedParts().map(\.bytes))
        let seeds = Self.allSeeds()
        XCTAssertEqual(seeds.count, listed.count, Self.regenerate)
        for seed in seeds {
            XCTAssertTrue(listed.contains(seed.raw), "a seed of a part no longer made (\(seed.raw.count) bytes): "
                          + Self.regenerate)
            XCTAssertEqual(seed.fingerprint, ZipEntryCache.fingerprint(seed.raw), Self.regenerate)
        }
        XCTAssertEqual(seeds.map(\.fingerprint), seeds.map(\.fingerprint).sorted(), "sorted by fingerprint: " + Self.regenerate)
    }

    func testAPartOneByteOffIsNotMatched() throws {
        let styles = DOCXConstantParts.shared.parts(language: "en-US").styles
        XCTAssertNotNil(ZipSeeds.archive(for: styles, fingerprint: ZipEntryCache.fingerprint(styles)))
        var changed = styles
        changed[changed.count / 2] ^= 0x01
        XCTAssertNil(ZipSeeds.archive(for: changed, fingerprint: ZipEntryCache.fingerprint(changed)))
        // Even under the seed's own fingerprint (a hash clash), other bytes are not taken for the seed.
        XCTAssertNil(ZipSeeds.archive(for: changed, fingerprint: ZipEntryCache.fingerprint(styles)))
        XCTAssertNil(ZipSeeds.archive(for: Array(styles.dropLast()), fingerprint: ZipEntryCache.fingerprint(styles)))
        // The cache uses a seed on first sighting; bytes it has never seen get no template.
        XCTAssertNotNil(ZipEntryCache.shared.template(for: styles))
        var unseen = styles
        unseen[unseen.count / 3] ^= 0x02
        XCTAssertNil(ZipEntryCache.shared.template(for: unseen))
    }

    func testSeededPartsAreCachedOutsideTheBounds() {
        let before = ZipEntryCache.shared.bounded
        for part in Self.seedParts() {
            XCTAssertNotNil(ZipEntryCache.shared.template(for: part.bytes), "\(part.name), at first sight")
        }
        XCTAssertEqual(ZipEntryCache.shared.bounded.entries, before.entries)
        XCTAssertEqual(ZipEntryCache.shared.bounded.bytes, before.bytes)
    }

    /// DOCX and EPUB written with the cache (and so the seeds) are the bytes of the same entries deflated
    /// afresh in one archive without the cache.
    func testPackagesWithSeedsAreTheFreshlyDeflatedBytes() throws {
        var options = ConversionOptions()
        options.sourceDateEpoch = 1_600_000_000
        let context = ConversionContext(options: options)
        var packages: [(String, [UInt8])] = []
        for language in ["en", "de", "ja", "nb", "el", "ar"] {
            let release = Document(metadata: Metadata(title: "Plant Opens", date: "2021-09-21", language: language),
                                   blocks: [.paragraph([.text("The plant opens today.")])])
            packages.append(("docx " + language, try DOCXWriter().write(release, context: context)))
            packages.append(("epub " + language, try EPUBWriter().write(release, context: context)))
        }
        packages.append(("docx everything", try DOCXWriter().write(DOCXTestDocuments.everything(),
                                                                   context: ConversionContext(options: options, resources: DOCXTestDocuments.images))))
        for (name, package) in packages {
            let reader = ZipReader(package)
            var fresh = ZipArchive(modificationTime: 1_600_000_000)
            for entry in try reader.entries() {
                fresh.add(entry.name, try reader.read(entry), stored: entry.compressionMethod == 0)
            }
            XCTAssertEqual(package, try fresh.data(reusingCompressedEntries: false), name)
        }
    }

    /// `make zip-seeds`: writes seeds.c for the parts of `seedParts()` when `PRESSKIT_WRITE_ZIP_SEEDS` names it.
    func testWriteSeeds() throws {
        guard let path = ProcessInfo.processInfo.environment["PRESSKIT_WRITE_ZIP_SEEDS"], !path.isEmpty else {
            throw XCTSkip("set PRESSKIT_WRITE_ZIP_SEEDS=PATH (make zip-seeds) to regenerate seeds.c")
        }
        let source = try ZipSeedsSource.make(parts: Self.seedParts(), zlibVersion: Self.runningZlib,
                                             level: Int(ZipArchive.deflateLevel))
        try Data(source.utf8).write(to: URL(fileURLWithPath: path))
    }
}

/// The text of `Sources/CZipSeeds/seeds.c`: one byte array (each seed's raw bytes as a string literal, broken
/// after each line, then its archive as escapes) and the table of offsets into it, sorted by fingerprint.
enum ZipSeedsSource {
    static func make(parts: [(name: String, bytes: [UInt8])], zlibVersion: String, level: Int) throws -> String {
        let seeds = try parts.map { part in
            (name: part.name, fingerprint: ZipEntryCache.fingerprint(part.bytes), raw: part.bytes,
             archive: try ZipArchive.deflatedSingleEntry(part.bytes))
        }.sorted { ($0.fingerprint, $0.name) < ($1.fingerprint, $1.name) }
        var blob = ""
        var rows = ""
        var offset = 0
        for seed in seeds {
            let hex = "0x" + String(seed.fingerprint, radix: 16).leftPadded(to: 16) + "ull"
            blob += "    /* \(seed.name): \(seed.raw.count) bytes, deflated \(seed.archive.count) as an archive */\n"
            blob += literal(seed.raw, breakingAtNewlines: true)
            blob += literal(seed.archive, breakingAtNewlines: false)
            rows += "    {\(hex), \(offset), \(seed.raw.count), \(offset + seed.raw.count), \(seed.archive.count)},"
                + " /* \(seed.name) */\n"
            offset += seed.raw.count + seed.archive.count
        }
        return """
        /* Generated by `make zip-seeds` (Tests/PressKitTests/ZipSeedsTests.swift): do not edit.
         * \(seeds.count) constant package parts and their one-entry archives, deflated by zlib \(zlibVersion) at level \(level)
         * (ZipArchive.deflatedSingleEntry); see Sources/PressKit/Interop/ZipSeeds.swift. */
        #include "CZipSeeds.h"

        static const pk_zip_seed table[\(max(seeds.count, 1))] = {
        \(seeds.isEmpty ? "    {0, 0, 0, 0, 0},\n" : rows)};

        static const unsigned char bytes[] =
        \(blob.isEmpty ? "    \"\"\n" : blob)    ;
        _Static_assert(sizeof bytes == \(offset) + 1, "the offsets of the table");

        const pk_zip_seed *pk_zip_seed_table(unsigned *count) { *count = \(seeds.count); return table; }
        const unsigned char *pk_zip_seed_bytes(void) { return bytes; }
        const char *pk_zip_seed_zlib_version(void) { return "\(zlibVersion)"; }
        int pk_zip_seed_deflate_level(void) { return \(level); }

        """
    }

    /// Bytes as C string literals, one per line (at most about 100 columns): printable ASCII as itself,
    /// the rest as three-digit octal escapes (never greedy, unlike `\x`), `??` broken so no trigraph forms.
    static func literal(_ bytes: [UInt8], breakingAtNewlines: Bool) -> String {
        var out = ""
        var line = ""
        var previous: UInt8 = 0
        func flush() {
            if !line.isEmpty { out += "    \"" + line + "\"\n" }
            line = ""
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"): line += "\\\\"
            case UInt8(ascii: "\""): line += "\\\""
            case UInt8(ascii: "?") where previous == UInt8(ascii: "?"): line += "\\?"
            case UInt8(ascii: "\n") where breakingAtNewlines: line += "\\n"
            case 0x20...0x7E: line += String(UnicodeScalar(byte))
            default: line += "\\" + String(byte, radix: 8).leftPadded(to: 3)
            }
            previous = byte
            if (byte == UInt8(ascii: "\n") && breakingAtNewlines) || line.utf8.count >= 100 { flush() }
        }
        flush()
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
