import XCTest
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
