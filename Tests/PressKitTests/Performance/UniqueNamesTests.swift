import XCTest
@testable import PressKit

/// `UniqueNames` remembers the next number per name; it must give the names a probe from the start gives.
final class UniqueNamesTests: XCTestCase {
    /// The probe every writer used before: the first free of name, numbered(start), numbered(start + 1) …
    private func probe(_ taken: inout Set<String>, _ name: String, from start: Int, _ numbered: (Int) -> String) -> String {
        var candidate = name
        var n = start
        while taken.contains(candidate) {
            candidate = numbered(n)
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }

    func testClaimsAreTheNamesAProbeFromTheStartGives() {
        var generator = SplitMix64(state: 1)
        // Bases that collide with each other's numbered forms ("a-2" is a base and a's second name).
        let bases = ["a", "a-2", "a-3", "a-2-2", "b", "h-contacts", "h-contacts-2", "section", "section-1", "x_2", "x"]
        for round in 0..<50 {
            let reserved: Set<String> = round % 2 == 0 ? ["a", "a-4", "h-contacts-3"] : []
            var names = UniqueNames(reserved: reserved)
            var reference = reserved
            for _ in 0..<400 {
                let base = bases.randomElement(using: &generator)!
                let start = base.hasPrefix("section") ? 1 : 2
                let separator = base.hasPrefix("x") ? "_" : "-"
                let got = names.claim(base, from: start) { base + separator + "\($0)" }
                let expected = probe(&reference, base, from: start) { base + separator + "\($0)" }
                XCTAssertEqual(got, expected)
            }
            XCTAssertEqual(names.count, reference.count)
        }
    }

    func testThousandsOfHeadingsOfOneTextGetNumberedIds() throws {
        let markdown = "# Release headline\n\nCITY, May 1, 2025 -- Text.\n\n" + String(repeating: "## Contacts\n\ntext\n\n", count: 3000)
        let context = ConversionContext(options: ConversionOptions(), resources: NoResources(), inputName: "r.md")
        let epub = try UnpackedEPUB(try Converter.convert(Array(markdown.utf8), from: Formats.named("markdown")!,
                                                          to: Formats.named("epub")!, context: context))
        defer { epub.remove() }
        let chapter = try epub.text("OEBPS/chapter-1.xhtml")
        XCTAssertTrue(chapter.contains(#"id="h-contacts""#))
        XCTAssertTrue(chapter.contains(#"id="h-contacts-2""#))
        XCTAssertTrue(chapter.contains(#"id="h-contacts-3000""#))
        XCTAssertFalse(chapter.contains(#"id="h-contacts-3001""#))
    }
}
