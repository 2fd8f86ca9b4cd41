import Foundation
import XCTest
@testable import PressKit

/// The hand-written JSON parser and serializer on their own.
final class JSONValueTests: XCTestCase {
    private func text(_ value: JSONValue, pretty: Bool = true) -> String {
        String(decoding: value.serialized(pretty: pretty), as: UTF8.self)
    }

    private func parse(_ s: String, maxDepth: Int = JSONValue.defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        try JSONValue(parsing: s, maxDepth: maxDepth)
    }

    private func syntaxError(_ s: String, maxDepth: Int = JSONValue.defaultMaxDepth) -> JSONSyntaxError? {
        do {
            _ = try parse(s, maxDepth: maxDepth)
            return nil
        } catch {
            return error
        }
    }

    func testPrettyLayoutIsPythonIndent2() {
        let value = JSONValue.object([
            .init("a", .array([.int(1), .bool(true), .null, .array([]), .object([])])),
            .init("b", .string("x")),
        ])
        XCTAssertEqual(text(value), """
        {
          "a": [
            1,
            true,
            null,
            [],
            {}
          ],
          "b": "x"
        }

        """)
        XCTAssertEqual(text(value, pretty: false), #"{"a":[1,true,null,[],{}],"b":"x"}"#)
        XCTAssertEqual(text(.object([])), "{}\n")
        XCTAssertEqual(text(.string("s")), "\"s\"\n")
    }

    func testStringEscaping() {
        let s = "q\" b\\ n\n r\r t\t b\u{8} f\u{C} nul\u{0} one\u{1} us\u{1F} del\u{7F} / é 😀 \u{2028}"
        XCTAssertEqual(text(.string(s), pretty: false),
                       #""q\" b\\ n\n r\r t\t b\b f\f nul\u0000 one\u0001 us\u001f del"# + "\u{7F} / é 😀 \u{2028}\"")
        // Keys are escaped the same way.
        XCTAssertEqual(text(.object([.init("a\"b\n", .null)]), pretty: false), #"{"a\"b\n":null}"#)
    }

    func testParsesWhatItWrites() throws {
        let value = JSONValue.object([
            .init("s", .string("q\" \\ \n\t\u{1} é 😀 / \u{7F}")),
            .init("n", .array([.number("0"), .number("-12"), .number("3.25"), .number("1e10"), .number("-0.5E-3")])),
            .init("z", .object([.init("", .string("")), .init("dup", .int(1)), .init("dup", .int(2))])),
        ])
        XCTAssertEqual(try JSONValue(parsing: value.serialized()), value)
        XCTAssertEqual(try JSONValue(parsing: value.serialized(pretty: false)), value)
        XCTAssertEqual(value["z"]?["dup"], .int(2), "the last of duplicate keys wins")
    }

    func testEscapesAndSurrogatePairs() throws {
        XCTAssertEqual(try parse(#""\u00e9\u0041\/\b\f\n\r\t\"\\""#), .string("éA/\u{8}\u{C}\n\r\t\"\\"))
        XCTAssertEqual(try parse(#""\ud83d\ude00 \uD83D\uDE00""#), .string("😀 😀"))
        XCTAssertEqual(try parse(#""lone \ud83d here""#), .string("lone \u{FFFD} here"))
        XCTAssertEqual(try parse(#""lone \ude00""#), .string("lone \u{FFFD}"))
        XCTAssertEqual(try parse(#""\ud83d\u0041""#), .string("\u{FFFD}A"))
        XCTAssertEqual(try parse(" \n\t [ ] \r\n"), .array([]))
        XCTAssertEqual(try parse("Юникод".debugDescription), .string("Юникод"))
    }

    func testNumbers() throws {
        XCTAssertEqual(try parse("[0, -0, 12, 1.5, 2e3, 2E+3, 2e-3]"),
                       .array(["0", "-0", "12", "1.5", "2e3", "2E+3", "2e-3"].map { .number($0) }))
        XCTAssertEqual(try parse("42").intValue, 42)
        XCTAssertNil(try parse("4.2").intValue)
        XCTAssertNil(try parse("99999999999999999999999").intValue)
        for bad in ["01", "-", "1.", ".5", "1e", "+1", "0x10", "NaN", "Infinity"] {
            XCTAssertNotNil(syntaxError(bad), bad)
        }
    }

    func testErrorsNameLineAndColumn() {
        let e1 = syntaxError("{\n  \"a\": 1,\n  \"b\" 2\n}")
        XCTAssertEqual(e1?.line, 3)
        XCTAssertEqual(e1?.column, 7)
        XCTAssertEqual(e1?.description, "invalid JSON at line 3, column 7: expected ':' after the key \"b\" but found '2'")

        let e2 = syntaxError("[1, 2")
        XCTAssertEqual(e2?.description, "invalid JSON at line 1, column 6: expected ',' or ']' but found end of input")

        // Columns count characters, not bytes.
        let e3 = syntaxError("[\"é😀\" x]")
        XCTAssertEqual(e3?.column, 7)
        XCTAssertEqual(e3?.message, "expected ',' or ']' after an array element but found 'x'")

        XCTAssertEqual(syntaxError("\"abc")?.message, "unterminated string")
        XCTAssertEqual(syntaxError("\"abc")?.column, 1)
        XCTAssertEqual(syntaxError("\"a\nb\"")?.message, "control character U+000A must be escaped in a string")
        XCTAssertEqual(syntaxError(#""\x""#)?.message, "invalid escape in a string: a backslash followed by 'x'")
        XCTAssertEqual(syntaxError(#""\u12G4""#)?.message, "expected 4 hex digits after \\u but found 'G'")
        XCTAssertEqual(syntaxError("{\"a\":1,}")?.message, "expected a string key but found '}'")
        XCTAssertEqual(syntaxError("[1,]")?.message, "expected a value but found ']'")
        XCTAssertEqual(syntaxError("tru")?.message, "expected a value but found 't'")
        XCTAssertEqual(syntaxError("{} {}")?.message, "unexpected '{' after the JSON value")
        XCTAssertEqual(syntaxError("")?.message, "expected a value but found end of input")
        XCTAssertEqual(syntaxError("\u{FEFF}{}")?.message, "expected a value but found '\u{FEFF}'")
        for bad in ["{", "}", "[", "{\"a\"}", "{\"a\":}", "{1:2}", "nul", "[1 2]", "'a'", "\"\\", "\"\\u12\""] {
            XCTAssertNotNil(syntaxError(bad), bad)
        }
    }

    func testDepthLimit() {
        XCTAssertNoThrow(try parse(String(repeating: "[", count: 10) + String(repeating: "]", count: 10), maxDepth: 10))
        let e = syntaxError(String(repeating: "[", count: 11) + String(repeating: "]", count: 11), maxDepth: 10)
        XCTAssertEqual(e?.description,
                       "invalid JSON at line 1, column 11: too deeply nested (more than 10 levels of arrays and objects)")
        // Hostile input far beyond the default limit is refused, not a stack overflow.
        let deep = String(repeating: "{\"a\":[", count: 100_000)
        XCTAssertTrue(syntaxError(deep)?.message.contains("too deeply nested") ?? false)
        let deepArrays = String(repeating: "[", count: 1_000_000)
        XCTAssertTrue(syntaxError(deepArrays)?.message.contains("too deeply nested") ?? false)
        // Up to the default limit parses (and is freed) fine.
        let atLimit = String(repeating: "[", count: JSONValue.defaultMaxDepth) + String(repeating: "]", count: JSONValue.defaultMaxDepth)
        XCTAssertNoThrow(try parse(atLimit))
    }

    func testCodableBridge() throws {
        let value = JSONValue.object([.init("a", .array([.int(1), .number("2.5"), .bool(false), .null, .string("é")]))])
        let data = try JSONEncoder().encode(value)
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: data), value)
    }
}
