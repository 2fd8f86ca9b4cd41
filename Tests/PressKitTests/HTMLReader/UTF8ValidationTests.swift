@testable import PressKit
import XCTest

/// The HTML reader's own UTF-8 check must agree with the standard library's on every input.
final class UTF8ValidationTests: XCTestCase {
    private func stdlib(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    func testEdgeCasesAgreeWithTheStandardLibrary() {
        let cases: [[UInt8]] = [
            [], Array("plain ASCII text, longer than eight bytes".utf8), Array("Grüße — 東京 🎉".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF],                 // overlong and shortest 2-byte
            [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], // overlong, surrogates
            [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],
            [0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0xE2, 0x82],                  // truncated after an ASCII run
            [0x80], Array("abcdefgh".utf8) + [0xBF] + Array("ijklmnop".utf8),
        ]
        for bytes in cases {
            XCTAssertEqual(UTF8Validation.isValid(bytes), stdlib(bytes), "\(bytes)")
        }
    }

    func testRandomBytesAgreeWithTheStandardLibrary() {
        var generator = SplitMix64(state: 20_261_129)
        // Mostly ASCII with lead and continuation bytes sprinkled in, so both answers occur often.
        let alphabet: [UInt8] = Array(0x20...0x7E) + [0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5]
        var valid = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            let expected = stdlib(bytes)
            if expected { valid += 1 }
            XCTAssertEqual(UTF8Validation.isValid(bytes), expected, "\(bytes)")
        }
        XCTAssertGreaterThan(valid, 100)
    }
}
