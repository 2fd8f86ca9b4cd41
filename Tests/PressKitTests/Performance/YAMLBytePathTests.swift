import XCTest
@testable import PressKit

/// `YAMLSubset` reads the scalars, lists and line prefixes of ASCII front matter on bytes; the Character code
/// (`parseMap(_:bytePaths: false)`) is the reference. Both must give the same pairs, or the same error on
/// the same line, for every text.
final class YAMLBytePathTests: XCTestCase {
    private func outcome(_ text: String, bytePaths: Bool) -> Result<[YAMLPair], YAMLSubset.ParseError> {
        do { return .success(try YAMLSubset.parseMap(text, bytePaths: bytePaths)) } catch {
            return .failure(error as! YAMLSubset.ParseError)
        }
    }

    private func assertSame(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(outcome(text, bytePaths: true), outcome(text, bytePaths: false), "\(text.debugDescription)",
                       file: file, line: line)
    }

    /// Random lines from the pieces front matter is made of: keys, separators, quotes and escapes, flow lists,
    /// list dashes, block indicators, comments, indentation, tabs, carriage returns and a few non-ASCII pieces.
    func testRandomFrontMatterMatchesTheCharacterCode() {
        let starts = ["title", "keywords", "contacts", "- ", "  ", "    ", "  - ", "- name", "\"quoted key\"", "'k'",
                      "#", "", "\t", "-", "[", "{", "date", " \u{301}"]
        let middles = [": ", ":", ": [", ": \"", ": '", ": |", ": >-", ": |+", ": ~", ": null", ": # c", " ", "",
                       ":\u{301} "]
        let pieces = ["a", "b c", ",", ", ", "[", "]", "{", "}", "\"", "'", "''", "\\", "\\\"", "\\n", "\\u00e9", "\\x4",
                      " # x", "#", ":", ": ", "+47 55 01", "é", "\u{301}", "null", "~", "\r", "\t", " ", "-", "|"]
        var seed = SplitMix64(state: 23)
        var parsedOnBytes = 0
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<Int(1 + seed.next() % 4) {
                text += starts[Int(seed.next() % UInt64(starts.count))]
                text += middles[Int(seed.next() % UInt64(middles.count))]
                for _ in 0..<Int(seed.next() % 5) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
                text += seed.next() % 9 == 0 ? "\r\n" : "\n"
            }
            assertSame(text)
            if ASCIIText.isOneByteCharacters(text), case .success = outcome(text, bytePaths: true) { parsedOnBytes += 1 }
        }
        // The byte paths are exercised: many of the texts are one-byte and parse.
        XCTAssertGreaterThan(parsedOnBytes, 1000, "\(parsedOnBytes)")
    }

    /// Realistic front matter, whole and cut at every line.
    func testRealFrontMatterMatchesTheCharacterCode() throws {
        let text = """
            title: Harbour of Nordvik Handled Record 41.2 Million Tonnes in 2025
            subtitle: "Container traffic up 9 per cent; shore power \\"now\\" reaches every berth"
            date: 2026-01-14
            dateline: NORDVIK   # the city
            organization: 'Nordvik Port Authority''s office'
            language: en
            keywords: [ports, "logistics, shipping", 'energy', ~, null]
            summary: >-
              Two lines
              folded.

              A paragraph.
            contacts:
              - name: Ingrid Halvorsen
                role: Head of Communications
                email: press@nordvikport.example
                phone: "+47 55 01 23 45"
              -
                name: Ola
            empty:
            """
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for n in 1...lines.count { assertSame(lines.prefix(n).joined(separator: "\n") + "\n") }
        assertSame(text + "\n- top\n")
        XCTAssertEqual(try YAMLSubset.parseMap(text).first { $0.key == "keywords" }?.value,
                       .list([.scalar("ports"), .scalar("logistics, shipping"), .scalar("energy")]))
    }
}
