import XCTest
@testable import PressKit

/// `LanguageGuesser.scriptCounts` counts letters on UTF-8 bytes; these tests hold it to the loop over
/// Unicode scalars it replaced (kept below as the reference).
final class LanguageGuesserScriptCountTests: XCTestCase {
    private static func reference(_ sample: String) -> (Int, Int, Int, Int) {
        var cyrillic = 0, latin = 0
        var ukrainian = 0, belarusian = 0
        for s in sample.unicodeScalars {
            switch s.value {
            case 0x0400...0x04FF:
                cyrillic += 1
                if s == "і" || s == "ї" || s == "є" || s == "ґ" || s == "І" || s == "Ї" || s == "Є" { ukrainian += 1 }
                if s == "ў" || s == "Ў" { belarusian += 1 }
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F:
                latin += 1
            default:
                break
            }
        }
        return (cyrillic, latin, ukrainian, belarusian)
    }

    private func assertSame(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let fast = LanguageGuesser.scriptCounts(text)
        let slow = Self.reference(text)
        XCTAssertTrue(fast.cyrillic == slow.0 && fast.latin == slow.1 && fast.ukrainian == slow.2 && fast.belarusian == slow.3,
                      "\(text): \(fast) against \(slow)", file: file, line: line)
    }

    func testEveryScalarBelowU0800CountsAsBefore() {
        var text = ""
        for v in UInt32(1)..<0x800 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let one = String(Character(scalar))
            assertSame(one)
            text += one
        }
        assertSame(text)
    }

    func testMixedScriptsCountAsBefore() {
        let pieces = ["The plant", " Über", "ÿ", "ɏ", "ɐ", "Привет", "і", "ї", "є", "ґ", "І", "Ї", "Є", "ў", "Ў", "ё",
                      "ӿ", "Ԁ", "中文", "🙂", "ﬁ", "e\u{301}", "\u{0800}", "\u{FFFF}", "@[`{", "Zz", "\u{85}", "\r\n"]
        var seed = SplitMix64(state: 29)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(1 + Int(seed.next() % 12)) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            assertSame(text)
        }
    }

    func testGuessesAsBefore() {
        XCTAssertEqual(LanguageGuesser.guess("Сьогодні міністр взяв участь у зустрічі, яка відбулася в Києві і була присвячена їхній співпраці."), "uk")
        XCTAssertEqual(LanguageGuesser.guess("Сёння міністр узяў удзел у сустрэчы, якая адбылася ў Мінску, і ўсе былі задаволеныя."), "be")
        XCTAssertEqual(LanguageGuesser.guess("Сегодня министр принял участие во встрече, которая прошла в Москве и была посвящена сотрудничеству."), "ru")
        XCTAssertEqual(LanguageGuesser.guess("The minister took part in the meeting, which was held as a side event of the session and that is all."), "en")
    }
}
