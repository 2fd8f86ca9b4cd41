import XCTest
@testable import PressKit

/// `FrontMatterWriter.quote` decides on bytes and scalars what the Character tests decided before (the old
/// form is kept here as the reference), and also quotes ": " and " #" that a combining or prepended mark
/// had hidden from the Character search but not from a YAML parser.
final class FrontMatterQuoteTests: XCTestCase {
    /// Whether the old Character tests quoted `value`.
    private func referenceNeedsQuotes(_ value: String) -> Bool {
        var needs = value.isEmpty || FrontMatterWriter.plainWords.contains(value.lowercased())
        if let first = value.first, "-?:,[]{}#&*!|>'\"%@` \t".contains(first) { needs = true }
        if let last = value.last, last == " " || last == "\t" || last == ":" { needs = true }
        if value.contains(": ") || value.contains(" #") || value.contains(where: { $0.isNewline || $0 == "\t" }) {
            needs = true
        }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { needs = true }
        return needs
    }

    func testQuotingMatchesTheCharacterTests() {
        let pieces = ["Acme", " ", ":", ": ", " #", "#", "\u{301}", "\u{0600}", "\u{200D}", "é", "–", "\u{85}", "\u{2028}",
                      "\u{2029}", "\t", "\r\n", "\n", "\u{7F}", "\u{1}", "yes", "-", "\"", "\\", "🇩🇪", "x"]
        var seed = SplitMix64(state: 17)
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(seed.next() % 6) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            // A quoted value never equals the value itself.
            let quoted = FrontMatterWriter.quote(text) != text
            let bytes = Array(text.utf8)
            let scalarPairs = zip(bytes, bytes.dropFirst()).contains { $0 == (0x3A, 0x20) || $0 == (0x20, 0x23) }
            XCTAssertEqual(quoted, referenceNeedsQuotes(text) || scalarPairs, text.debugDescription)
        }
    }

    func testAColonOrHashBehindACombiningMarkIsQuoted() {
        XCTAssertEqual(FrontMatterWriter.quote("a: \u{301}b"), "\"a: \u{301}b\"")
        XCTAssertEqual(FrontMatterWriter.quote("x\u{0600} #"), "\"x\u{0600} #\"")
        XCTAssertEqual(FrontMatterWriter.quote("Acme Robotics"), "Acme Robotics")
    }
}
