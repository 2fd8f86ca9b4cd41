import XCTest
@testable import PressKit

final class EPUBMarkupRepairTests: XCTestCase {
    func testObsoleteCellAlignmentBecomesAClass() {
        XCTAssertEqual(EPUBMarkupRepair.repair("<tr>\n<th align=\"right\">A</th>\n<td align=\"center\" colspan=\"2\">&lt;td align=\"left\"&gt;</td><td>x</td>"),
                       "<tr>\n<th class=\"align-right\">A</th>\n<td class=\"align-center\" colspan=\"2\">&lt;td align=\"left\"&gt;</td><td>x</td>")
        XCTAssertEqual(EPUBMarkupRepair.repair("<p>no tables</p>"), "<p>no tables</p>")
    }
}

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
