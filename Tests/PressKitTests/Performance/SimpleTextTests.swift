import XCTest
@testable import PressKit

/// `SimpleText`'s scalars are Characters of their own and no white space, beside any ASCII.
final class SimpleTextTests: XCTestCase {
    func testEveryScalarOfTheRangesStandsAloneAndIsNoWhiteSpace() {
        for range in SimpleText.ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let c = String(scalar)
                let label = "U+\(String(value, radix: 16, uppercase: true))"
                XCTAssertFalse(Character(c).isWhitespace, label)
                for neighbour in [" ", "a", "\r", "\n", "\t", "\r\n", "\u{0B}", ".", c] {
                    XCTAssertEqual((neighbour + c + neighbour).count, 2 * neighbour.count + 1, label)
                }
            }
        }
    }

    func testCollapsingSpacesOnBytesMatchesTheCharacterLoop() {
        func reference(_ s: String) -> String {
            var out = ""
            var pendingSpace = false
            for c in s {
                if c.isWhitespace { pendingSpace = !out.isEmpty; continue }
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(c)
            }
            return out
        }
        let pieces = ["Acme", " ", "  ", "\t", "\r\n", "\n", "–", "“x”", "é", "Ω", "Москва", "\u{00A0}", "\u{301}", "\u{2028}",
                      "€", "…", "\u{200D}", "東京", "\u{0600}", "x"]
        var seed = SplitMix64(state: 17)
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(seed.next() % 8) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            XCTAssertEqual(text.collapsingSpaces, reference(text), text.debugDescription)
        }
    }
}
