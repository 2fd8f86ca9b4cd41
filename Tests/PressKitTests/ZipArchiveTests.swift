import XCTest
import Dispatch
import Synchronization
@testable import PressKit

final class ZipArchiveTests: XCTestCase {
    func testSameEntriesGiveSameBytes() throws {
        var zip = ZipArchive(modificationTime: 1_632_182_400)
        zip.add("mimetype", "application/epub+zip", stored: true)
        zip.add("a/b.txt", String(repeating: "hello ", count: 100))
        let one = try zip.data()
        let two = try zip.data()
        XCTEqual(one, two)
        XCTAssertEqual(Array(one.prefix(4)), [0x50, 0x4B, 0x03, 0x04])
    }

    /// Empty entries (an empty part in a package) are written without a buffer: libzip keeps no pointer to a
    /// zero-length buffer, so the one-byte allocation made for them leaked (found by docx-xml fuzzing).
    func testEmptyEntriesReadBackEmpty() throws {
        var zip = ZipArchive(modificationTime: 1_632_182_400)
        zip.add("empty.xml", [UInt8]())
        zip.add("stored-empty", [UInt8](), stored: true)
        zip.add("full.txt", "full")
        let reader = ZipReader(try zip.data())
        XCTAssertEqual(try reader.entry("empty.xml"), [])
        XCTAssertEqual(try reader.entry("stored-empty"), [])
        XCTAssertEqual(try reader.entry("full.txt"), Array("full".utf8))
    }

    func testRecurringEntriesCopiedFromTheCacheGiveTheSameBytes() throws {
        // An entry seen again in this process is copied compressed from ZipEntryCache: the archive must be
        // byte-identical to one deflated afresh, and unzip must read it back.
        var seed = SplitMix64(state: 7)
        let recurring = (0..<4000).map { _ in UInt8(0x61 + seed.next() % 6) }
        let unique = String(repeating: "unique part ", count: 80)
        var zip = ZipArchive(modificationTime: 1_632_182_400)
        zip.add("mimetype", "application/epub+zip", stored: true)
        zip.add("word/styles.xml", recurring)
        zip.add("word/document.xml", unique)
        let fresh = try zip.data(reusingCompressedEntries: false)
        let first = try zip.data()
        let second = try zip.data()
        let third = try zip.data()
        XCTEqual(first, fresh)
        XCTEqual(second, fresh)
        XCTEqual(third, fresh)
        XCTAssertNotNil(ZipEntryCache.shared.template(for: recurring)?.archive, "a recurring entry is cached")
        // The same archive, written with several threads at once, stays the same.
        let results = Mutex<[[UInt8]]>([])
        let frozen = zip
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let bytes = (try? frozen.data()) ?? []
            results.withLock { $0.append(bytes) }
        }
        for bytes in results.withLock({ $0 }) { XCTEqual(bytes, fresh) }
    }

    func testSmallRecurringEntryCopiedFromTheCacheGivesTheSameBytes() throws {
        // EPUB's container.xml is 244 bytes: small constant parts are cached too, with the same bytes. It is
        // a zip seed (ZipSeeds), so it comes from the seeds; `small` is not, so it is cached on sight.
        let container = EPUBPackageDocument.container
        XCTAssertGreaterThanOrEqual(container.count, ZipEntryCache.minimumSize)
        let small = Array(String(repeating: "a small part that recurs ", count: 8).utf8)
        XCTAssertGreaterThanOrEqual(small.count, ZipEntryCache.minimumSize)
        XCTAssertNil(ZipSeeds.archive(for: small, fingerprint: ZipEntryCache.fingerprint(small)))
        var zip = ZipArchive(modificationTime: 1_632_182_400)
        zip.add("mimetype", "application/epub+zip", stored: true)
        zip.add("META-INF/container.xml", container)
        zip.add("small.txt", small)
        zip.add("tiny.txt", "below the minimum size")
        let fresh = try zip.data(reusingCompressedEntries: false)
        XCTEqual(try zip.data(), fresh)
        XCTEqual(try zip.data(), fresh)
        XCTAssertNotNil(ZipEntryCache.shared.template(for: container), "a small recurring entry is cached")
        XCTAssertNotNil(ZipEntryCache.shared.template(for: small), "a small recurring entry is cached")
        XCTAssertNil(ZipEntryCache.shared.template(for: Array("below the minimum size".utf8)))
        XCTAssertEqual(try ZipReader(try zip.data()).entry("META-INF/container.xml"), container)
    }

    /// The cache's sorted fingerprint arrays: `place(of:in:)` finds what a set holds and where the rest goes.
    func testFingerprintPlacesMatchASet() {
        var seed = SplitMix64(state: 3)
        var keys: [UInt64] = [], set = Set<UInt64>()
        for _ in 0..<2000 {
            let key = seed.next() % 600
            let (found, index) = ZipEntryCache.place(of: key, in: keys)
            XCTAssertEqual(found, set.contains(key))
            XCTAssertTrue(index == keys.count || keys[index] >= key)
            XCTAssertTrue(index == 0 || keys[index - 1] < key)
            if !found { keys.insert(key, at: index); set.insert(key) }
        }
        XCTAssertEqual(keys, set.sorted())
    }

    func testDOSTimeIsUTC() {
        // 2021-09-21 00:00:00 UTC
        let (time, date) = ZipArchive.dosTimeAndDate(1_632_182_400)
        XCTAssertEqual(time, 0)
        XCTAssertEqual(date, UInt16((2021 - 1980) << 9 | 9 << 5 | 21))
    }
}

private func XCTEqual<T: Equatable>(_ a: T, _ b: T, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a, b, file: file, line: line)
}
