import Foundation
import XCTest
@testable import PressKit

/// The CommonMark 0.30 and GFM (0.29.0.gfm.6) spec suites run end to end through the reader, the tree and
/// the HTML writer (`--fragment`), normalised as the spec's own runner does. Thresholds: cmark-gfm itself
/// passes 650/652 of CommonMark 0.30 and 671/671 of GFM with per-example extensions; one fixed extension set
/// (ours) costs a few GFM examples (tag filter, extended autolinks).
final class SpecSuiteTests: XCTestCase {
    func testCommonMarkSpec() throws {
        let examples = try SpecSupport.load("commonmark-spec.json")
        XCTAssertEqual(examples.count, 652)
        let cases = try examples.map { ($0.example, $0.html, try SpecSupport.html($0.markdown, flavor: .commonmark)) }
        let failed = try SpecSupport.failures(cases)
        let passed = examples.count - failed.count
        print("CommonMark 0.30 spec, -f commonmark -t html --fragment: \(passed)/\(examples.count) passed; failed: \(failed)")
        XCTAssertGreaterThanOrEqual(passed, 650)
    }

    func testGFMSpec() throws {
        let examples = try SpecSupport.load("gfm-spec.json")
        XCTAssertEqual(examples.count, 671)
        let cases = try examples.map { ($0.example, $0.html, try SpecSupport.html($0.markdown, flavor: .gfm)) }
        let failed = try SpecSupport.failures(cases)
        let passed = examples.count - failed.count
        print("GFM spec, -f gfm -t html --fragment: \(passed)/\(examples.count) passed; failed: \(failed)")
        XCTAssertGreaterThanOrEqual(passed, 665)
    }

    /// gfm → our Markdown writer → our reader → HTML, compared with the spec's expected HTML.
    func testGFMRoundTripInProcess() throws {
        let examples = try SpecSupport.load("gfm-spec.json")
        let writer = MarkdownWriter(flavor: .gfm, frontMatter: false)
        var cases: [(Int, String, String)] = []
        var notIdempotent: [Int] = []
        for example in examples {
            let markdown = try SpecSupport.markdown(example.markdown, flavor: .gfm, writer: writer)
            cases.append((example.example, example.html, try SpecSupport.html(markdown, flavor: .gfm)))
            if try SpecSupport.markdown(markdown, flavor: .gfm, writer: writer) != markdown {
                notIdempotent.append(example.example)
            }
        }
        let failed = try SpecSupport.failures(cases)
        let passed = examples.count - failed.count
        print("GFM round trip (-f gfm -t gfm, then -f gfm -t html --fragment): \(passed)/\(examples.count) passed; failed: \(failed)")
        print("Markdown -> Markdown not idempotent: \(notIdempotent)")
        XCTAssertGreaterThanOrEqual(passed, 665)
        XCTAssertEqual(notIdempotent, [])
    }

    /// The same round trip judged by the real `cmark-gfm`: it renders both the example and our Markdown for
    /// it, and the two renderings must agree.
    func testGFMRoundTripThroughCmarkGFM() throws {
        guard SpecSupport.which("cmark-gfm") else { throw XCTSkip("cmark-gfm is not installed (make deps)") }
        let examples = try SpecSupport.load("gfm-spec.json")
        let writer = MarkdownWriter(flavor: .gfm, frontMatter: false)
        let ours = try examples.map { try SpecSupport.markdown($0.markdown, flavor: .gfm, writer: writer) }
        let rendered = try SpecSupport.cmarkGFM(examples.map(\.markdown) + ours)
        let direct = rendered[..<examples.count], roundTrip = rendered[examples.count...]
        let cases = examples.indices.map { (examples[$0].example, direct[$0], roundTrip[examples.count + $0]) }
        let failed = try SpecSupport.failures(cases)
        let passed = examples.count - failed.count
        print("GFM round trip judged by cmark-gfm --unsafe \(SpecSupport.gfmExtensions): \(passed)/\(examples.count) agree; differ: \(failed)")
        XCTAssertGreaterThanOrEqual(passed, 668)
    }

    /// CommonMark → our CommonMark writer → our reader: the HTML must not change.
    func testCommonMarkRoundTrip() throws {
        let examples = try SpecSupport.load("commonmark-spec.json")
        let writer = MarkdownWriter(flavor: .commonmark, frontMatter: false)
        let cases = try examples.map { example -> (Int, String, String) in
            let markdown = try SpecSupport.markdown(example.markdown, flavor: .commonmark, writer: writer)
            return (example.example, try SpecSupport.html(example.markdown, flavor: .commonmark),
                    try SpecSupport.html(markdown, flavor: .commonmark))
        }
        let failed = try SpecSupport.failures(cases)
        let passed = examples.count - failed.count
        print("CommonMark round trip (-f commonmark -t commonmark): \(passed)/\(examples.count) agree; differ: \(failed)")
        XCTAssertGreaterThanOrEqual(passed, 650)
    }
}
