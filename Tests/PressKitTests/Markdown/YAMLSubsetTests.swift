import XCTest
@testable import PressKit

final class YAMLSubsetTests: XCTestCase {
    func testScalarsAndQuotes() throws {
        let pairs = try YAMLSubset.parseMap("""
        plain: Hello, world
        double: "a \\"quoted\\" \\u00e9 line\\nnext"
        single: 'it''s # not a comment'
        comment: value # dropped
        empty:
        nothing: ~
        url: https://example.com/a#frag
        "quoted key": yes
        """)
        XCTAssertEqual(pairs, [
            YAMLPair(key: "plain", value: .scalar("Hello, world")),
            YAMLPair(key: "double", value: .scalar("a \"quoted\" é line\nnext")),
            YAMLPair(key: "single", value: .scalar("it's # not a comment")),
            YAMLPair(key: "comment", value: .scalar("value")),
            YAMLPair(key: "empty", value: .scalar("")),
            YAMLPair(key: "nothing", value: .scalar("")),
            YAMLPair(key: "url", value: .scalar("https://example.com/a#frag")),
            YAMLPair(key: "quoted key", value: .scalar("yes")),
        ])
    }

    func testListsAndNestedMaps() throws {
        let pairs = try YAMLSubset.parseMap("""
        flow: [a, "b, c", 'd']
        block:
          - one
          - two
        same-indent:
        - x
        contacts:
          - name: A
            email: a@x.example
          - name: B
        nested:
          key: value
          other: 2
        """)
        XCTAssertEqual(pairs[0].value, .list([.scalar("a"), .scalar("b, c"), .scalar("d")]))
        XCTAssertEqual(pairs[1].value, .list([.scalar("one"), .scalar("two")]))
        XCTAssertEqual(pairs[2].value, .list([.scalar("x")]))
        XCTAssertEqual(pairs[3].value, .list([
            .map([YAMLPair(key: "name", value: .scalar("A")), YAMLPair(key: "email", value: .scalar("a@x.example"))]),
            .map([YAMLPair(key: "name", value: .scalar("B"))]),
        ]))
        XCTAssertEqual(pairs[4].value, .map([YAMLPair(key: "key", value: .scalar("value")),
                                             YAMLPair(key: "other", value: .scalar("2"))]))
    }

    func testBlockScalars() throws {
        let pairs = try YAMLSubset.parseMap("literal: |\n  line 1\n  line 2\nfolded: >-\n  a\n  b\n\n  c\nafter: x\n")
        XCTAssertEqual(pairs[0].value, .scalar("line 1\nline 2\n"))
        XCTAssertEqual(pairs[1].value, .scalar("a b\nc"))
        XCTAssertEqual(pairs[2].value, .scalar("x"))
    }

    /// Keys, values and indentation are found on bytes where that is the same as on Characters (ASCII), and
    /// Character by Character elsewhere: non-ASCII keys and values, combining marks after a colon or an
    /// indenting space.
    func testNonASCIIKeysValuesAndCombiningMarks() throws {
        let pairs = try YAMLSubset.parseMap(
            "clé: valeur\nназвание: Пресс-релиз\nkey: émission # comment\nurl: https://example.com/é\n"
            + "a:\u{301}b: c\nlist:\n  - ü\n  - name: Jörg\n    role: Sprecher\n \u{301}x: y\n")
        XCTAssertEqual(pairs, [
            YAMLPair(key: "clé", value: .scalar("valeur")),
            YAMLPair(key: "название", value: .scalar("Пресс-релиз")),
            YAMLPair(key: "key", value: .scalar("émission")),
            YAMLPair(key: "url", value: .scalar("https://example.com/é")),
            // ":" with a combining mark is another Character, so the key runs to the next ": ".
            YAMLPair(key: "a:\u{301}b", value: .scalar("c")),
            YAMLPair(key: "list", value: .list([.scalar("ü"), .map([YAMLPair(key: "name", value: .scalar("Jörg")),
                                                                     YAMLPair(key: "role", value: .scalar("Sprecher"))])])),
            // A space with a combining mark is another Character: it neither indents nor is trimmed.
            YAMLPair(key: " \u{301}x", value: .scalar("y")),
        ])
        // Nor does it separate a key from its value.
        XCTAssertThrowsError(try YAMLSubset.parseMap("k: \u{301}v\n"))
    }

    /// Front matter is recognised by its first line that is neither blank nor a comment, and ends at the first
    /// `---` or `...` line (lines cut at the line-feed byte).
    func testFrontMatterLooksAtTheFirstContentLine() throws {
        let split = try XCTUnwrap(FrontMatter.split("---\n\n# a comment\nclé: v\n\nb: ü\n...\nBody — ü\n---\nmore\n"))
        XCTAssertEqual(split.yaml, "\n# a comment\nclé: v\n\nb: ü\n")
        XCTAssertEqual(split.body, "Body — ü\n---\nmore\n")
        XCTAssertNil(FrontMatter.split("---\n\n  indented: x\n---\nBody\n"))
        XCTAssertNil(FrontMatter.split("---\nJust a sentence.\n---\nBody\n"))
        XCTAssertNil(FrontMatter.split("---\nkey: never closed\n"))
        XCTAssertEqual(FrontMatter.split("---\n# only a comment\n---\n")?.body, "")
    }

    func testErrorsNameTheLine() {
        func error(_ text: String) -> YAMLSubset.ParseError? {
            do { _ = try YAMLSubset.parseMap(text); return nil } catch { return error as? YAMLSubset.ParseError }
        }
        XCTAssertEqual(error("a: 1\nb: \"open\n")?.line, 2)
        XCTAssertEqual(error("a: 1\n  b: 2\n")?.line, 2)
        XCTAssertEqual(error("a: [1, 2\n")?.line, 1)
        XCTAssertEqual(error("a: 1\na: 2\n")?.message, "duplicate key `a`")
        XCTAssertEqual(error("a: 1\njust text\n")?.line, 2)
        XCTAssertEqual(error("a: {b: 1}\n")?.line, 1)
    }
}
