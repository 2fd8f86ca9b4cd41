import XCTest
@testable import PressKit

/// `fastLowercased()` gives the bytes `lowercased()` gives.
final class FastLowercaseTests: XCTestCase {
    func testEveryScalarOfTheUnchangedRangesIsItsOwnLowercase() {
        let bounds = FastLowercase.unchangedRanges
        XCTAssertEqual(bounds.count % 2, 0)
        for pair in stride(from: 0, to: bounds.count, by: 2) {
            XCTAssertLessThanOrEqual(bounds[pair], bounds[pair + 1])
            for value in bounds[pair]...bounds[pair + 1] {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = String(scalar)
                XCTAssertEqual(text.lowercased(), text, "U+\(String(value, radix: 16, uppercase: true))")
            }
        }
    }

    func testRandomTextsLowercaseAsTheStandardLibraryDoes() {
        let pieces = ["Acme", " ", "NEWS", "ß", "Überblick", "é", "É", "’", "“Quote”", "\u{00A0}", "–", "İstanbul", "Σ",
                      "ΑΘΗΝΑ", "Москва", "москва", "東京", "Ｑ３", "ＡＢ", "\u{212A}elvin", "😀", "x\u{301}", "\r\n", "٢٠٢٠",
                      "हिन्दी", "ǅ", "ﬁ", "A", "z", "Z", "@[`{"]
        var seed = SplitMix64(state: 11)
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(seed.next() % 7) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            XCTAssertEqual(Array(text.fastLowercased().utf8), Array(text.lowercased().utf8), text)
            let sub = text.dropFirst(text.isEmpty ? 0 : 1)
            XCTAssertEqual(sub.fastLowercased(), sub.lowercased(), String(sub))
        }
    }

    func testEveryBMPScalarAloneAndBetweenASCII() {
        var value: UInt32 = 0
        while value < 0x3_0000 {
            defer { value += value < 0x1_0000 ? 1 : 97 }
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "Ab" + String(scalar) + "Z"
            XCTAssertEqual(text.fastLowercased(), text.lowercased(), "U+\(String(value, radix: 16))")
        }
    }
}
