import XCTest
@testable import PressKit

final class EPUBTableHeaderTests: XCTestCase {
    func testTableWithoutHeaderGetsItsFirstRowAsHeader() {
        var table = Table(rows: [[TableCell([.strong([.text("Pos.")])]), TableCell([.text("Name")])],
                                 [TableCell([.text("1")]), TableCell([.text("Kyle")])]])
        EPUBChapterPreparer.promoteHeaderRow(&table)
        XCTAssertEqual(table.header, [[TableCell([.text("Pos.")]), TableCell([.text("Name")])]])
        XCTAssertEqual(table.rows, [[TableCell([.text("1")]), TableCell([.text("Kyle")])]])
        var headed = Table(header: [[TableCell([.text("A")])]], rows: [[TableCell([.text("1")])]])
        let before = headed
        EPUBChapterPreparer.promoteHeaderRow(&headed)
        XCTAssertEqual(headed, before)
    }
}
