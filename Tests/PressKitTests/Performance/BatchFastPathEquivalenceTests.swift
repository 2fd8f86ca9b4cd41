import XCTest
@testable import PressKit

/// The byte-level front matter split and contact text search give what the Character-level code they
/// replaced gives.
final class BatchFastPathEquivalenceTests: XCTestCase {
    /// The split as it was before the byte scan: Character lines.
    private func referenceSplit(_ original: String) -> (yaml: String, body: String)? {
        var text = original
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        guard text.utf8.starts(with: "---".utf8) else { return nil }
        if text.utf8.contains(13) {
            var scalars = String.UnicodeScalarView()
            var pendingCR = false
            for scalar in text.unicodeScalars {
                if pendingCR, scalar != "\n" { scalars.append("\r") }
                pendingCR = scalar == "\r"
                if !pendingCR { scalars.append(scalar) }
            }
            if pendingCR { scalars.append("\r") }
            text = String(scalars)
        }
        var lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard lines.count == 2, lines[0].trimmingTrailingCR().trimmed == "---" else { return nil }
        let rest = lines.removeLast()
        var cursor = rest.startIndex
        while cursor < rest.endIndex {
            let lineEnd = rest[cursor...].firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[cursor..<lineEnd].trimmingTrailingCR()
            if line == "---" || line == "..." {
                let bodyStart = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
                let yaml = String(rest[rest.startIndex..<cursor])
                guard referenceLooksLikeMap(yaml) else { return nil }
                return (yaml, String(rest[bodyStart...]))
            }
            cursor = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
        }
        return nil
    }

    /// The map check as it was: a Character split of the whole block.
    private func referenceLooksLikeMap(_ yaml: String) -> Bool {
        for raw in yaml.split(separator: "\n") {
            let line = raw.trimmingTrailingCR()
            let t = line.trimmed
            if t.isEmpty || t.hasPrefix("#") { continue }
            return line.first != " " && YAMLSubset.looksLikeMapEntry(line)
        }
        return true
    }

    func testFrontMatterSplitMatchesCharacterLines() {
        let texts = [
            "---\ntitle: Harbour traffic\ndate: 2024-03-03\n---\n# Heading\n\nBody text.\n",
            "---\r\ntitle: Windows lines\r\n---\r\nBody\r\n",
            "\u{FEFF}---\ntitle: With a byte order mark\n...\nBody",
            "---  \n\n# a comment\ntitle: x\n---",
            "---\ntitle: no closing line\nbody",
            "---\nJust text, no map\n---\nBody",
            "---\n  indented: first\n---\nBody",
            "---\ntitle: x\n--\u{301}-\n---\nafter combining\n",
            "---\ntitle: Café — Zürich\n---\r\nBody with é and \u{65}\u{301}\n",
            "---\ntitle: lone\rcarriage\n---\nBody",
            "---\ntitle: x\n---\r",
            "---\n---\nEmpty map",
            "--- \ntitle: spaces after the opening\n----\n---\nBody",
            "---title: not a line\n---\n",
            "",
            "---",
        ]
        for text in texts {
            let fast = FrontMatter.split(text)
            let reference = referenceSplit(text)
            XCTAssertEqual(fast?.yaml, reference?.yaml, text.debugDescription)
            XCTAssertEqual(fast?.body, reference?.body, text.debugDescription)
            XCTAssertEqual(fast == nil, reference == nil, text.debugDescription)
        }
    }

    func testLooksLikeMapMatchesCharacterSplit() {
        // `split` hands over "\n" line ends only; a lone "\r" stays.
        for yaml in ["", "\n\n", "# c\n\ntitle: x\n", "  a: b\n", "plain text\n", "a: b\rc", "\n# x\nkey: v", "é: x", "ti\u{301}tle: x\n"] {
            XCTAssertEqual(FrontMatter.looksLikeMap(yaml), referenceLooksLikeMap(yaml), yaml.debugDescription)
        }
    }

    func testContactSearchMatchesCharacterSearch() {
        let haystacks = [
            "Jane Doe\nPress officer\njane.doe@example.com\n+49 30 1234 567",
            "Media contact: Jane Doe, +1 555 0100",
            "Cafe\u{301} Ltd\nJosé Pérez",
            "line\r\nnext",
            "",
            "Jane",
        ]
        let needles = ["Jane Doe", "jane.doe@example.com", "+49 30 1234 567", "Cafe", "Café", "e", "\n", "\r", "next",
                       "José", "Jane Doe, +1", "missing", "Jane Doe\nPress officer\njane.doe@example.com\n+49 30 1234 567 x"]
        for haystack in haystacks {
            for needle in needles {
                // The library's `contains` is the standard library's Character search (`firstRange(of:)`); in
                // a test, `haystack.contains(needle)` would be Foundation's UTF-16 search instead.
                XCTAssertEqual(ContactLines.contains(haystack, needle), haystack.firstRange(of: needle) != nil,
                               "\(haystack.debugDescription) \(needle.debugDescription)")
                let fast = ContactLines.firstRange(of: needle, in: haystack)
                let reference = haystack.firstRange(of: needle)
                XCTAssertEqual(fast.map { haystack[$0] }, reference.map { haystack[$0] })
                XCTAssertEqual(fast?.lowerBound, reference?.lowerBound)
                XCTAssertEqual(fast?.upperBound, reference?.upperBound)
            }
        }
    }

    func testContactLinesMarkNameEmailAndPhoneInText() {
        var contact = Contact(text: "Jane Doe, Press officer\njane.doe@example.com | +49 30 1234 567")
        contact.name = "Jane Doe"
        contact.email = "jane.doe@example.com"
        contact.phone = "+49 30 1234 567"
        contact.role = "Head of press"
        let shown = ContactLines(contact)
        XCTAssertEqual(shown.lines.first, [.text("Head of press")])
        XCTAssertEqual(shown.lines[1], [.name("Jane Doe"), .text(", Press officer")])
        XCTAssertEqual(shown.lines[2], [.email("jane.doe@example.com"), .text(" | "), .phone("+49 30 1234 567")])
    }
}
