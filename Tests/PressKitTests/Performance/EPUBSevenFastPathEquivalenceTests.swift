import Foundation
import XCTest
@testable import PressKit

/// The byte paths of the seventh EPUB round give what the general code gives: the content fingerprint hashed
/// as the plain text comes (against the SHA-1 of each block's `plainText`), the uuid's text form (against
/// the Character slicing it replaced), and the web link check on ASCII bytes (against the Character check).
final class EPUBSevenFastPathEquivalenceTests: XCTestCase {
    /// The fingerprint as it was computed before: each block's whole plain text, copied into an array.
    private func referenceFingerprint(_ document: Document) -> [UInt8] {
        if let source = document.metadata.source?.trimmingWhitespaceScalars, !source.isEmpty { return Array(source.utf8) }
        var bytes = Array((document.metadata.title ?? "").utf8) + [0] + Array((document.metadata.date ?? "").utf8) + [0]
        for block in document.blocks { bytes += Array(block.plainText.utf8) + [10] }
        return Array(EPUBIdentifier.hex(SHA1.digest(bytes)).utf8)
    }

    private func markdown(_ text: String) throws -> Document {
        try Converter.read(Array(text.utf8), format: Formats.named("markdown")!, context: ConversionContext())
    }

    private func sampleDocuments() throws -> [Document] {
        let root = EPUBTestSupport.repositoryRoot.appendingPathComponent("Samples")
        var documents: [Document] = []
        for folder in ["markdown", "html", "text"] {
            let dir = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() {
                guard let format = Formats.forPath(name) else { continue }
                let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(name)))
                var document = try Converter.read(bytes, format: format, context: ConversionContext())
                document.metadata.source = nil
                documents.append(document)
            }
        }
        return documents
    }

    func testStreamedFingerprintMatchesTheBlockTexts() throws {
        var documents = try sampleDocuments()
        XCTAssertGreaterThan(documents.count, 10)
        let hostile = """
        # Title with *emphasis* and `code`

        > A quote
        >
        > - with a list
        >   1. nested **strong**
        >      and a soft break

        | a | b |
        |---|---|
        | cell ![alt text](x.png) | [link](https://example.com) ~~gone~~ |

        Term
        : definition

        ```
        code block \u{00E9}\u{0301} Über
        ```

        Text with a note[^1], a hard  
        break and <span>raw</span>.

        [^1]: The note.

        ---
        """
        documents.append(try markdown(hostile))
        // Long text: SHA-1 blocks filled across many small pieces and by whole 64-byte runs.
        documents.append(try markdown(String(repeating: "Word *word* [link](http://a.b) é ", count: 400)))
        documents.append(Document())
        var titled = Document()
        titled.metadata.title = "Only a title"
        titled.metadata.date = "2024-03-05"
        documents.append(titled)
        for document in documents {
            XCTAssertEqual(EPUBIdentifier.fingerprint(document), referenceFingerprint(document))
            XCTAssertEqual(EPUBIdentifier.fingerprint(document),
                           EPUBIdentifier.fingerprint(document.metadata, blockTexts: document.blocks.map(\.plainText)))
        }
        var sourced = documents[0]
        sourced.metadata.source = " https://example.com/release "
        XCTAssertEqual(EPUBIdentifier.fingerprint(sourced), Array("https://example.com/release".utf8))
    }

    func testSHA1GivesTheSameDigestWhateverThePieces() {
        var rng = SplitMix64(state: 77)
        for length in [0, 1, 55, 56, 63, 64, 65, 127, 128, 1000, 4099] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let whole = SHA1.digest(bytes)
            var pieces = SHA1()
            var i = 0
            while i < bytes.count {
                let n = min(bytes.count - i, Int(rng.next() % 90))
                if n == 1 { pieces.update(byte: bytes[i]) } else { pieces.update(Array(bytes[i..<(i + n)])) }
                i += n
            }
            XCTAssertEqual(pieces.finish(), whole, "\(length) bytes")
        }
        XCTAssertEqual(EPUBIdentifier.hex(SHA1.digest([])), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    }

    /// With libcrypto loaded (libzip brings it), `SHA1` hashes through it; the portable code is the reference,
    /// whatever the pieces, and a copy taken halfway goes on by itself.
    func testLibcryptoSHA1MatchesThePortableCode() throws {
        try ZipLibrary.load()
        // (Debian's libzip4 links libcrypto 3; a libzip built on another crypto library brings none.)
        try XCTSkipIf(LoadedSHA1() == nil, "libzip loaded without libcrypto")
        var rng = SplitMix64(state: 78)
        for length in [0, 1, 55, 56, 63, 64, 65, 127, 128, 1000, 4099, 70_000] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            var loaded = SHA1(), portable = SHA1(portable: true)
            var i = 0
            var half: (loaded: SHA1, portable: SHA1)?
            while i < bytes.count {
                let n = min(bytes.count - i, Int(rng.next() % 90))
                if n == 1 {
                    loaded.update(byte: bytes[i])
                    portable.update(byte: bytes[i])
                } else {
                    loaded.update(Array(bytes[i..<(i + n)]))
                    portable.update(Array(bytes[i..<(i + n)]))
                }
                i += n
                if half == nil, i >= bytes.count / 2 { half = (loaded, portable) }
            }
            XCTAssertEqual(loaded.finish(), portable.finish(), "\(length) bytes")
            // A copy taken halfway shares libcrypto's context until it writes, then hashes on by itself.
            if var half {
                half.loaded.update([0x61, 0x62])
                half.portable.update([0x61, 0x62])
                XCTAssertEqual(half.loaded.finish(), half.portable.finish(), "\(length) bytes, the copy")
            }
        }
        XCTAssertEqual(EPUBIdentifier.hex(SHA1.digest(Array("abc".utf8))), "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    func testUUIDTextFormMatchesTheCharacterSlicing() {
        for name in ["", "https://example.com/", "presskit-epub-content\nabc\n", String(repeating: "x", count: 300)] {
            var sha = SHA1()
            sha.update(EPUBIdentifier.urlNamespace)
            sha.update(Array(name.utf8))
            var bytes = Array(sha.finish().prefix(16))
            bytes[6] = (bytes[6] & 0x0F) | 0x50
            bytes[8] = (bytes[8] & 0x3F) | 0x80
            let chars = Array(EPUBIdentifier.hex(bytes))
            let reference = String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-" + String(chars[12..<16]) + "-"
                + String(chars[16..<20]) + "-" + String(chars[20..<32])
            XCTAssertEqual(EPUBIdentifier.uuid5(namespace: EPUBIdentifier.urlNamespace, name: Array(name.utf8)), reference)
        }
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "http://example.com/")
        XCTAssertEqual(EPUBIdentifier.uuid5(namespace: EPUBIdentifier.urlNamespace, name: Array("http://example.com/".utf8)),
                       "0a300ee9-f9e4-5697-a51a-efc7fafaba67")
    }

    func testASCIIWebLinkCheckMatchesTheCharacterCheck() {
        let pieces = ["http", "https", "://", ":", "/", "//", "?", "#", "@", "@@", "[", "]", "::1", ".", "-", "_",
                      "example", "com", "a", "8080", " ", "%", "%2F", "\r\n", "\t", "user:pw", "x.y", "~", "=", "&"]
        var rng = SplitMix64(state: 91)
        var urls = ["https://example.com", "http://", "https://@", "https://@@a", "https://a@", "https://:80",
                    "https://[::1]:8080/x", "https://.a", "https://-a", "https://a_b.c/", "https://user@host:1/p?q#f",
                    "https://a:b@c:d@e.f", "https://::", "https://a/b://c", "http://\r\nexample.com", "https:///path"]
        for _ in 0..<5000 {
            var url = rng.next() % 2 == 0 ? "https://" : ""
            for _ in 0..<(1 + Int(rng.next() % 8)) { url += pieces[Int(rng.next() % UInt64(pieces.count))] }
            urls.append(url)
        }
        for url in urls {
            XCTAssertTrue(ASCIIText.isASCII(url))
            XCTAssertEqual(EPUBLinkPolicy.web(url), EPUBLinkPolicy.characterWeb(url), url.debugDescription)
        }
        // Non-ASCII URLs take the Character check (a combining mark joins the "/" before it).
        XCTAssertEqual(EPUBLinkPolicy.web("https://bücher.de/x"), EPUBLinkPolicy.characterWeb("https://bücher.de/x"))
        XCTAssertEqual(EPUBLinkPolicy.web("https://a/\u{301}b"), EPUBLinkPolicy.characterWeb("https://a/\u{301}b"))
    }

    private static let pieces = [
        "Head", "of", "Communications", " ", "  ", ",", ";", "/", ":", ".", "(", ")", "\"", "'", "«", "»", "\t", "\n",
        "\r\n", "\r", "\u{301}", "\u{0600}", "\u{037E}", "\u{00A0}", "\u{212A}", "É", "ü", "Tel", "Tel.", "E-Mail",
        "e", "+49", "030 1234", "@", "press@example.org", "Inc", "GmbH", "Ministerium", "x", "-", "–", "0", "9",
        "·", "•", "|", "\u{0387}", "\u{2028}", "Ω", "\u{0483}", " – ", " — ",
    ]

    private func randomTexts(seed: UInt64, count: Int = 4000, asciiOnly: Bool = false) -> [String] {
        var rng = SplitMix64(state: seed)
        let pool = asciiOnly ? Self.pieces.filter { ASCIIText.isOneByteCharacters($0) } : Self.pieces
        var texts = ["", " ", ".", "..", "()", "a", "\u{301}", "\r\n", "Tel.: +49 30 1234567", "Telefon +49 30 12",
                     "E-Mail presse@example.gov", "Tel:", "head of communications"]
        for _ in 0..<count {
            var text = ""
            for _ in 0..<(1 + Int(rng.next() % 7)) { text += pool[Int(rng.next() % UInt64(pool.count))] }
            texts.append(text)
        }
        return asciiOnly ? texts.filter { ASCIIText.isOneByteCharacters($0) } : texts
    }

    func testTrimmingCharactersFastPathMatchesTheCharacterTrim() {
        for text in randomTexts(seed: 5) {
            for set in ["().:;\"'«»", ".", ",;", "-", "«»", "\u{301}"] {
                XCTAssertEqual(text.trimmingCharacters(set), text.characterTrimming(set), "\(text.debugDescription) \(set)")
            }
        }
    }

    func testYAMLTrimFastPathMatchesTheCharacterTrim() {
        for text in randomTexts(seed: 31) + [" \u{301}x", "x \u{301}", "\t", "a\r\n", " \r\n"] {
            XCTAssertEqual(text.trimmed, text.characterTrimmed, text.debugDescription)
            XCTAssertEqual(text[...].trimmed, text[...].characterTrimmed, text.debugDescription)
        }
    }

    func testContactWordsOnBytesMatchTheCharacterWords() {
        for text in randomTexts(seed: 9, asciiOnly: true) {
            XCTAssertTrue(ASCIIText.isOneByteCharacters(text))
            XCTAssertEqual(ContactParser.asciiWords(text), ContactParser.characterWords(text), text.debugDescription)
        }
        for text in randomTexts(seed: 10) {
            XCTAssertEqual(ContactParser.words(text), ContactParser.characterWords(text), text.debugDescription)
        }
    }

    func testContactFieldsOnBytesMatchTheCharacterCuts() {
        var simple = 0
        for text in randomTexts(seed: 21) + randomTexts(seed: 22, asciiOnly: true) {
            if let cut = ContactParser.simpleFields(text) {
                simple += 1
                XCTAssertEqual(cut, ContactParser.characterFields(text), text.debugDescription)
            }
        }
        XCTAssertGreaterThan(simple, 3000)
        XCTAssertEqual(ContactParser.fields("press@nordvikport.example · +47 55 01 23 45"),
                       ["press@nordvikport.example", "+47 55 01 23 45"])
        XCTAssertEqual(ContactParser.fields("a\u{037E} b\u{0387}c"), ["a", "b", "c"])
        XCTAssertNil(ContactParser.simpleFields("a\u{301}, b"))
    }

    /// `stripFieldLabel` as it was, with Character searches only.
    private func referenceStripFieldLabel(_ piece: String) -> String {
        let labels = ContactParser.fieldLabels
        if let colon = piece.firstIndex(of: ":"), piece.distance(from: piece.startIndex, to: colon) <= 12 {
            let label = piece[..<colon].trimmingSpaces().fastLowercased()
            if labels.contains(label) { return piece[piece.index(after: colon)...].trimmingSpaces() }
        }
        guard let space = piece.firstIndex(of: " "), piece.distance(from: piece.startIndex, to: space) <= 12 else {
            return piece
        }
        let label = piece[..<space].fastLowercased()
        guard labels.contains(label) || labels.contains(label.characterTrimming(".")) else { return piece }
        let rest = piece[piece.index(after: space)...].trimmingSpaces()
        guard let first = rest.unicodeScalars.first,
              first == "+" || first == "(" || (first.value >= 48 && first.value <= 57) || rest.contains("@") else {
            return piece
        }
        return rest
    }

    func testFieldLabelsStrippedOnBytesAsOnCharacters() {
        for text in randomTexts(seed: 12) + randomTexts(seed: 13, asciiOnly: true) {
            XCTAssertEqual(ContactParser.stripFieldLabel(text), referenceStripFieldLabel(text), text.debugDescription)
        }
        XCTAssertEqual(ContactParser.stripFieldLabel("Tel.: +49 30 1234567"), "+49 30 1234567")
        XCTAssertEqual(ContactParser.stripFieldLabel("E-Mail presse@example.gov"), "presse@example.gov")
    }
}
