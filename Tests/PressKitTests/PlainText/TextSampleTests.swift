import Foundation
import XCTest
@testable import PressKit

/// Golden pairs for every file in Samples/text: the document the reader and the pass make, in the stable
/// dump of `DocumentDump`, against `Fixtures/PlainText/golden/<sample>.dump`.
/// Re-record after an intended change with: `PRESSKIT_RECORD=1 swift test --filter TextSampleTests`.
final class TextSampleTests: XCTestCase {
    private func read(_ name: String) throws -> Document {
        let bytes = Array(try Data(contentsOf: FixtureFiles.textSamples.appendingPathComponent(name)))
        return try Converter.read(bytes, format: Formats.named("text")!, context: ConversionContext())
    }

    func testGoldenDumps() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: FixtureFiles.textSamples.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 7)
        let goldenDir = FixtureFiles.repositoryRoot.appendingPathComponent("Tests/PressKitTests/Fixtures/PlainText/golden")
        let record = ProcessInfo.processInfo.environment["PRESSKIT_RECORD"] == "1"
        for name in names {
            let dump = DocumentDump.dump(try read(name))
            let golden = goldenDir.appendingPathComponent((name as NSString).deletingPathExtension + ".dump")
            if record {
                try FileManager.default.createDirectory(at: goldenDir, withIntermediateDirectories: true)
                try Data(dump.utf8).write(to: golden)
                continue
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            XCTAssertEqual(dump, expected, "\(name) differs from \(golden.lastPathComponent)")
        }
    }

    func testSeed() throws {
        let doc = try read("seed-partner2connect.txt")
        XCTAssertEqual(doc.metadata.title, "Minister Took Part in the Partner2Connect Meeting")
        XCTAssertEqual(doc.metadata.date, "2021-09-21")
        XCTAssertEqual(doc.metadata.dateSource, "text, year from source URL")
        XCTAssertEqual(doc.metadata.source, "https://www.mpt.gov.by/news/21-09-2021-7488")
        XCTAssertEqual(doc.metadata.language, "en")
        let paragraphs = doc.blocks.filter { if case .paragraph = $0 { return true }; return false }
        XCTAssertGreaterThanOrEqual(paragraphs.count, 6)
        let itu = "https://www.itu.int/en/ITU-D/Conferences/WTDC/WTDC21/R2A/Pages/R2A-Partner2Connect.aspx"
        XCTAssertEqual(doc.blocks.last, .paragraph([.link(Link(target: itu, content: [.text(itu)]))]))
        XCTAssertFalse(doc.blocks.contains { $0.plainText.contains("Source URL") })
        XCTAssertFalse(doc.blocks.contains { $0.plainText.contains("mpt.gov.by") })
        XCTAssertTrue(paragraphs[0].plainText.hasPrefix("Today, on September 21, the Minister"))
    }

    func testProductLaunch() throws {
        let doc = try read("product-launch-lumenvale.txt")
        XCTAssertEqual(doc.metadata.dateline, "SAN FRANCISCO")
        XCTAssertEqual(doc.metadata.date, "2024-03-03")
        XCTAssertEqual(doc.metadata.subtitle, "Plug-in storage unit runs a point-of-sale system, lights and a fridge for up to nine hours")
        XCTAssertEqual(doc.metadata.contacts.first?.email, "press@lumenvale.example")
        XCTAssertTrue(doc.blocks.contains { if case .bulletList(let l) = $0 { return l.items.count == 4 }; return false })
        XCTAssertFalse(doc.blocks.contains { $0.plainText.contains("###") || $0.plainText.contains("IMMEDIATE") })
    }

    func testWrappedCRLFUniversityRelease() throws {
        let doc = try read("university-research-wrapped-crlf.txt")
        XCTAssertEqual(doc.metadata.title, "Ancient Wheat Genes Could Help Crops Survive Hotter Summers")
        XCTAssertEqual(doc.metadata.dateline, "CAMBRIDGE, England")
        XCTAssertEqual(doc.metadata.date, "2024-05-14")
        XCTAssertEqual(doc.metadata.organization, "University of Fenmoor")
        XCTAssertEqual(doc.metadata.contacts.count, 2)
        // Wrapped lines joined: no line breaks left in paragraphs, no carriage returns anywhere.
        for block in doc.blocks {
            if case .paragraph(let inlines) = block { XCTAssertFalse(inlines.contains(.lineBreak), block.plainText) }
            XCTAssertFalse(block.plainText.contains("\r"))
        }
        XCTAssertTrue(doc.blocks.contains { $0.plainText.contains("state-of-the-art sequencing grant") })
        XCTAssertTrue(doc.blocks.contains { if case .orderedList(let l) = $0 { return l.items.count == 3 }; return false })
    }

    func testEmbargoedNGOStatement() throws {
        let doc = try read("ngo-statement-embargo.txt")
        XCTAssertEqual(doc.metadata.embargo, "2024-03-05T00:01Z")
        XCTAssertEqual(doc.metadata.organization, "Clean Water Alliance")
        XCTAssertEqual(doc.metadata.contacts.first?.name, "Léa Fontaine")
        XCTAssertFalse(doc.blocks.contains { $0.plainText.contains("END") })
    }

    func testGermanRelease() throws {
        let doc = try read("pressemitteilung-berlin.txt")
        XCTAssertEqual(doc.metadata.language, "de")
        XCTAssertEqual(doc.metadata.dateline, "Berlin")
        XCTAssertEqual(doc.metadata.date, "2024-03-03")
        XCTAssertEqual(doc.metadata.contacts.first?.phone, "+49 30 555 01 23")
        XCTAssertEqual(doc.metadata.organization, "Stadtwerke Havelland Verkehr GmbH")
    }

    func testRussianWindows1251() throws {
        let doc = try read("russian-windows-1251.txt")
        XCTAssertEqual(doc.metadata.title, "В Минске открылся первый городской центр цифровых услуг")
        XCTAssertEqual(doc.metadata.date, "2021-09-21")
        XCTAssertEqual(doc.metadata.dateline, "Минск")
        XCTAssertEqual(doc.metadata.language, "ru")
        XCTAssertEqual(doc.metadata.contacts.first?.name, "Ольга Петрова")
    }

    func testBusinessWire() throws {
        let doc = try read("business-wire-fintech.txt")
        XCTAssertEqual(doc.metadata.date, "2024-03-12")
        XCTAssertEqual(doc.metadata.dateline, "NEW YORK")
        XCTAssertEqual(doc.metadata.contacts.map(\.role), ["Investors", "Media"])
        XCTAssertTrue(doc.blocks.contains { if case .orderedList(let l) = $0 { return l.start == 3 }; return false })
    }
}
