import Foundation
import XCTest
@testable import PressKit

/// Runs the pandoc judge (see `DOCXPandocJudge`) and holds the match rate to a floor. With
/// `DOCX_JUDGE_DIFFS=1` it prints every difference; `make docx-judge` rewrites docs/DOCX-READER.md's table.
final class DOCXPandocJudgeTests: XCTestCase {
    static let floor = 0.90

    func testReadsPandocsTestDocumentsAsPandocDoes() throws {
        guard DOCXPandocJudge.pandocAvailable else { throw XCTSkip("pandoc is not installed (make deps-test)") }
        let results = try DOCXPandocJudge.evaluate()
        let scored = results.filter { $0.matches != nil }
        let same = scored.filter { $0.matches == true }.count
        let rate = Double(same) / Double(max(scored.count, 1))
        print("DOCX reader vs pandoc: \(same) of \(scored.count) files read the same (\(String(format: "%.1f", rate * 100)) %); "
              + "\(results.count - scored.count) not scored")
        let env = ProcessInfo.processInfo.environment
        for r in results where r.matches == false {
            print("differs: \(r.name)")
            if env["DOCX_JUDGE_DIFFS"] != nil {
                print("--- pandoc\n\(r.expected)\n--- presskit\n\(r.actual)\n")
            }
        }
        if let path = env["DOCX_JUDGE_REPORT"] {
            let url = URL(fileURLWithPath: path)
            var text = try String(contentsOf: url, encoding: .utf8)
            let table = DOCXPandocJudge.table(results, explanations: DOCXJudgeExplanations.all)
            let start = "<!-- judge table start -->\n", end = "<!-- judge table end -->"
            if let a = text.range(of: start), let b = text.range(of: end) {
                text.replaceSubrange(a.upperBound..<b.lowerBound, with: table)
                text = text.replacingOccurrences(of: #"\*\*[0-9]+ of [0-9]+ files \([0-9.]+ %\)\*\*"#,
                                                 with: "**\(same) of \(scored.count) files (\(String(format: "%.1f", rate * 100)) %)**",
                                                 options: .regularExpression)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
        }
        XCTAssertGreaterThanOrEqual(rate, Self.floor, "match rate fell below the floor")
    }
}

/// Why each differing file differs (kept next to the test so the table in docs/DOCX-READER.md stays true).
enum DOCXJudgeExplanations {
    static let all: [String: String] = [
        "char_styles": "formatting nested differently, same text and formatting: pandoc's own expectation splits the emphasis around the strong run (`*…* ***…**.*`); presskit keeps one emphasis around the whole italic run (`*… **…**.*`)",
        "comments": "deliberate: pandoc's expectation is made with `--track-changes=all` and puts the comments' text inline; presskit leaves comments out",
        "track_changes_scrubbed_metadata": "deliberate: a comment's text is inline in pandoc's expectation; presskit leaves comments out",
        "image_with_textbox_caption": "deliberate: pandoc 2.17 drops the caption written in a text box next to the picture; presskit reads text boxes in place",
        "table_header_rowspan": "projection: presskit reads `w:vMerge` as row spans; pandoc's expectation has empty cells, and GitHub Markdown cannot show spans, so the header row's cells shift",
        "table_with_list_cell": "list in a table cell: pandoc writes its items loose (`<li><p>`), presskit tight; same items",
        "task_list": "pandoc 3's task list: each item has its own numbering definition (☐ and ☒ as the level's bullet), and a paragraph numbered with a bullet-less level (`numId` 1000) continues the item above; pandoc joins adjacent bullet items of different definitions into one list, presskit keeps items of one definition together and starts a new list for each",
        "image": "not scored: pandoc 2.17 cannot read it (DocxError); presskit reads it, picture and alt text",
    ]
}
