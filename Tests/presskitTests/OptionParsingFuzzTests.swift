import Foundation
import XCTest
@testable import presskit
import PressKit

/// Issue 19, item 8: a fuzz target for the CLI's option parsing. Argument vectors are generated from the
/// options' grammar (numbers at and past every boundary, sizes with and without K/M/G, shard specs, encodings,
/// repeated, missing and glued values) and mutated byte by byte; each goes through the same parse the
/// command does (`Presskit.parse`), then `ConversionSettings.options(metadata:)`, `ShardSpec(parsing:)` and
/// `byteCount`. A trap (an arithmetic overflow, a bad index) kills the test process; every refusal must be
/// a usage error (exit 2) or, for files named by options, not-found / invalid-input.
///
/// `PRESSKIT_OPTION_FUZZ_RUNS` sets the number of vectors (default 1,000); SECURITY.md has the figures of the
/// long runs.
final class OptionParsingFuzzTests: XCTestCase {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
    }

    static let numbers = ["0", "1", "-1", "-3", "2", "8", "64", "999999", "2147483647", "2147483648", "4294967296",
                          "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                          "-9223372036854775809", "99999999999999999999999", "1e3", "0x10", "+5", " 5", "5 ", "", "½", "٣",
                          "1_000", "00000000000000000000001", "NaN", "inf"]
    static let suffixes = ["", "K", "M", "G", "k", "m", "g", "T", "KB", "KK", "B", "\u{0}"]
    static let encodings = ["utf-8", "UTF-16", "utf-32", "utf-32le", "ucs-4", "windows-1251", "koi8-r", "latin1",
                            "ISO-8859-1", "cp1252", "ascii", "", "x-unknown", "utf-8//IGNORE", "UTF-7", "EBCDIC-US",
                            "../../etc/passwd", "%s%n", String(repeating: "A", count: 300)]
    static let formats = ["json", "html", "markdown", "md", "text", "txt", "epub", "docx", "gfm", "commonmark",
                          "json,html", "json,,html", ",", "", "xml", "JSON"]

    static func value(_ g: inout Generator, for option: String) -> String {
        switch option {
        case "--max-input-size": return g.pick(numbers) + g.pick(suffixes)
        case "--jobs", "--wrap": return g.pick(numbers)
        case "--shard":
            switch g.next() % 4 {
            case 0: return g.pick(numbers) + "/" + g.pick(numbers)
            case 1: return g.pick(numbers)
            case 2: return g.pick(numbers) + "/" + g.pick(numbers) + "/" + g.pick(numbers)
            default: return "/" + g.pick(numbers)
            }
        case "--encoding": return g.pick(encodings)
        case "-t", "-f": return g.pick(formats)
        case "-M": return g.pick(["title=x", "=x", "x", "=", "date=2024-02-30", "a=b=c", ""])
        default: return g.pick(["/nonexistent/presskit-fuzz", "", "--", "-x", "/nonexistent/\u{0}"])
        }
    }

    static let options = ["--max-input-size", "--jobs", "--wrap", "--shard", "--encoding", "-t", "-f", "-M",
                          "--css", "--epub-cover-image", "--reference-doc", "--resource-path", "--report", "-o"]
    static let flags = ["--full-page", "--fragment", "--no-front-matter", "--reference-links", "-q", "--help",
                        "--version", "--bogus", "-", "--"]

    static func vector(_ g: inout Generator) -> [String] {
        var args: [String] = []
        if g.chance(20) { args.append(g.pick(["convert", "formats", "help"])) }
        if g.chance(80) { args.append(g.pick(["/nonexistent/in.md", "-", "/nonexistent/folder/"])) }
        for _ in 0..<(1 + g.next() % 5) {
            if g.chance(15) { args.append(g.pick(flags)); continue }
            let option = g.pick(options)
            let value = Self.value(&g, for: option)
            switch g.next() % 10 {
            case 0: args.append(option)  // missing value
            case 1 where option.hasPrefix("--"): args.append(option + "=" + value)
            default: args += [option, value]
            }
        }
        if g.chance(10), !args.isEmpty {
            // Byte-level mutation of one argument.
            let index = Int(g.next() % UInt64(args.count))
            var bytes = Array(args[index].utf8)
            let position = bytes.isEmpty ? 0 : Int(g.next() % UInt64(bytes.count))
            switch g.next() % 3 {
            case 0: bytes.insert(UInt8(truncatingIfNeeded: g.next()), at: position)
            case 1 where !bytes.isEmpty: bytes.remove(at: position)
            default: if !bytes.isEmpty { bytes[position] = UInt8(truncatingIfNeeded: g.next()) }
            }
            args[index] = String(decoding: bytes, as: UTF8.self)
        }
        return args
    }

    func testOptionParsingNeverCrashes() throws {
        let runs = ProcessInfo.processInfo.environment["PRESSKIT_OPTION_FUZZ_RUNS"].flatMap(Int.init) ?? 1_000
        var g = Generator(state: 19)
        var parsed = 0, refused = 0
        for _ in 0..<runs {
            let args = Self.vector(&g)
            let invocation: Presskit.Invocation
            do {
                invocation = try Presskit.parse(args)
            } catch let error as PressKitError {
                // Every refusal of the command line is a usage error.
                XCTAssertEqual(error.exitCode, 2, "\(args): \(error)")
                refused += 1
                continue
            }
            parsed += 1
            guard case .convert(let convert) = invocation else { continue }
            do {
                _ = try convert.settings.options(metadata: [])
            } catch let error as PressKitError {
                XCTAssertTrue([2, 3, 4].contains(error.exitCode), "\(args): \(error)")
            }
            if let shard = convert.batch.shard {
                do {
                    let spec = try ShardSpec(parsing: shard)
                    XCTAssertTrue(spec.index >= 1 && spec.index <= spec.count, "\(args)")
                } catch let error as PressKitError {
                    XCTAssertEqual(error.exitCode, 2, "\(args): \(error)")
                }
            }
        }
        XCTAssertGreaterThan(parsed, runs / 10)
        XCTAssertGreaterThan(refused, runs / 10)
    }

    /// The flags' defaults are the library's defaults (`ConversionOptions()`, `NewsOptions()`): a command
    /// line without flags converts as the library does.
    func testFlagDefaultsAreTheLibraryDefaults() throws {
        guard case .convert(let command) = try Presskit.parse([]) else { return XCTFail("no conversion") }
        let flags = try command.settings.options(metadata: ["title=x"])
        let base = try ConversionSettings.baseOptions(metadata: ["title=x"])
        XCTAssertEqual(flags.maxInputSize, base.maxInputSize)
        XCTAssertEqual(base.maxInputSize, 256 << 20)
        XCTAssertEqual(flags.pandoc, base.pandoc)
        XCTAssertEqual(base.pandoc.api, .v1_22)
        XCTAssertEqual(flags.encoding, base.encoding)
        XCTAssertEqual(flags.htmlReader.fullPage, base.htmlReader.fullPage)
        XCTAssertEqual(flags.html.fragment, base.html.fragment)
        XCTAssertEqual(flags.html.css, base.html.css)
        XCTAssertEqual(flags.text.bodyOnly, base.text.bodyOnly)
        XCTAssertEqual(flags.text.wrap, base.text.wrap)
        XCTAssertEqual(flags.markdown.wrap, base.markdown.wrap)
        XCTAssertEqual(flags.markdown.frontMatter, base.markdown.frontMatter)
        XCTAssertTrue(base.markdown.frontMatter)
        XCTAssertEqual(flags.markdown.referenceLinks, base.markdown.referenceLinks)
        XCTAssertNil(base.epub.coverImage)
        XCTAssertNil(base.docx.referenceDoc)
        XCTAssertEqual(flags.metadata.map(\.key), base.metadata.map(\.key))
        XCTAssertEqual(flags.metadata.map(\.value), ["x"])
        let news = try command.news.options()
        XCTAssertEqual(news.ninjsVersion, base.news.ninjsVersion)
        XCTAssertEqual(base.news.ninjsVersion, .v2_2)
        XCTAssertEqual(news.feedTitle, base.news.feedTitle)
        XCTAssertEqual(news.feedID, base.news.feedID)
        XCTAssertEqual(news.feedLink, base.news.feedLink)
    }

    /// `byteCount` reads bytes since the ninth round; it accepts and refuses exactly what the Character-level
    /// reading before it did (kept here as the reference), on the fuzz vocabulary and Unicode look-alikes.
    func testByteCountOnBytesAgreesWithTheCharacterReading() {
        func reference(_ text: String) -> Int? {
            let upper = text.uppercased()
            var digits = Substring(upper)
            var scale = 1
            if let last = upper.last, let s = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30][String(last)] {
                scale = s
                digits = digits.dropLast()
            }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits), n > 0 else { return nil }
            let (bytes, overflow) = n.multipliedReportingOverflow(by: scale)
            return !overflow && bytes <= NumericOption.maxByteCount ? bytes : nil
        }
        var texts = ["1k\u{301}", "\u{FF15}M", "1\u{FF2D}", "\u{0661}", "1 M", "1MM", "k", "M", "", "256M", "0256m",
                     "1K\u{0}", "ß", "1ß", "\u{0130}", "1e3K", "+5M", "-5M", "1024g", "1025G"]
        for number in Self.numbers { for suffix in Self.suffixes { texts.append(number + suffix) } }
        for text in texts {
            XCTAssertEqual(try? NumericOption.byteCount(text), reference(text), text.debugDescription)
        }
        // The one difference: the Kelvin sign (U+212A) is canonically equivalent to K, so the Character reading
        // took "1\u{212A}" for 1K; the byte reading refuses it, as it refuses every other look-alike.
        XCTAssertEqual(reference("1\u{212A}"), 1024)
        XCTAssertThrowsError(try NumericOption.byteCount("1\u{212A}"))
    }

    /// The values the issue found trapping, and their neighbours: each a usage error, none a crash.
    func testSizesThatOverflowAreUsageErrors() {
        for text in ["9223372036854775807K", "9007199254740993G", "8589934592G", "9223372036854775807M", "-1", "0", "1K1"] {
            XCTAssertThrowsError(try NumericOption.byteCount(text), text) { error in
                XCTAssertEqual((error as? PressKitError)?.exitCode, 2, "\(text): \(error)")
            }
        }
        XCTAssertThrowsError(try NumericOption.byteCount("8589934591G"), "above the 1024G bound")
        XCTAssertEqual(try NumericOption.byteCount("1024G"), 1024 << 30)
        XCTAssertEqual(try NumericOption.byteCount("50M"), 50 << 20)
    }
}
