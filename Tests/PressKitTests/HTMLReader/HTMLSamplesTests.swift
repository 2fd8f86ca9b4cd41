import Foundation
import XCTest
@testable import PressKit

/// The HTML pages in Samples/html read as the articles they hold.
final class HTMLSamplesTests: XCTestCase {
    private func sample(_ name: String) throws -> Document {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples/html/\(name)")
        return try HTMLTestSupport.read([UInt8](try Data(contentsOf: url)))
    }

    func testGovernmentNews() throws {
        let d = try sample("government-news.html")
        XCTAssertEqual(d.metadata.title, "New rules to cut energy bills for 2 million households")
        XCTAssertEqual(d.metadata.date, "2024-03-12")
        XCTAssertEqual(d.metadata.language, "en-GB")
        XCTAssertEqual(d.metadata.organization, "GOV.EXAMPLE")
        let text = HTMLTestSupport.text(d)
        XCTAssertTrue(text.contains("Nobody should have to choose between heating and eating."))
        XCTAssertTrue(text.contains("consultation response is published today"))
        for furniture in ["essential cookies", "Skip to main content", "Housing and local services", "Share on Facebook",
                          "Related content", "Open Government Licence"] {
            XCTAssertFalse(text.contains(furniture), furniture)
        }
        XCTAssertTrue(HTMLTestSupport.references(d).contains("https://www.gov.example/government/consultations/private-rented-sector-minimum-standards"))
        XCTAssertFalse(HTMLTestSupport.references(d).contains { !$0.hasPrefix("https://") })
    }

    func testCompanyNewsroom() throws {
        let d = try sample("company-newsroom.html")
        XCTAssertEqual(d.metadata.title, "Northwind Robotics opens European assembly plant in Brno")
        XCTAssertEqual(d.metadata.date, "2024-05-06")
        XCTAssertEqual(d.metadata.authors, ["Petra Novak"])
        XCTAssertEqual(d.metadata.image, "https://news.northwind-robotics.example/wp-content/uploads/2024/05/brno-plant-1200x630.jpg")
        let text = HTMLTestSupport.text(d)
        XCTAssertTrue(text.contains("Construction of a second hall"))
        XCTAssertTrue(text.contains("Media contact"))
        for furniture in ["Share this", "Press releases", "Northwind reports third-quarter results", "hiring welders",
                          "Recent Posts", "We use cookies", "Privacy policy"] {
            XCTAssertFalse(text.contains(furniture), furniture)
        }
    }

    func testMinistryTableLayoutInLatin1() throws {
        let d = try sample("ministry-table-layout.html")
        XCTAssertEqual(d.metadata.title, "El Gobierno destina 48 millones a la modernización de regadíos")
        XCTAssertEqual(d.metadata.date, "2009-11-24")
        let text = HTMLTestSupport.text(d)
        XCTAssertTrue(text.contains("«cada euro invertido en regadío eficiente es agua que queda en nuestros ríos"))
        XCTAssertFalse(text.contains("Sala de prensa"))
        XCTAssertFalse(text.contains("Paseo de la Infanta Isabel"))
        XCTAssertFalse(text.contains("Imprimir"))
    }

    func testWindows1251WithoutDeclaration() throws {
        let d = try sample("energy-ministry-windows-1251.html")
        XCTAssertEqual(d.metadata.title, "Новая ТЭЦ в Самаре даст тепло 120 тысячам квартир")
        XCTAssertEqual(d.metadata.date, "2023-10-15")
        let text = HTMLTestSupport.text(d)
        XCTAssertTrue(text.contains("Строительство ТЭЦ заняло три года."))
        XCTAssertFalse(text.contains("О министерстве"))
        XCTAssertFalse(text.contains("Все права защищены"))
    }

    func testJSONLDPressRelease() throws {
        let d = try sample("press-release-jsonld.html")
        XCTAssertEqual(d.metadata.title, "Stadtwerke Lindenau senken Fernwärmepreis zum 1. Januar")
        XCTAssertEqual(d.metadata.subtitle, "Haushalte sparen im Schnitt 14 Prozent")
        XCTAssertEqual(d.metadata.date, "2023-11-28")
        XCTAssertEqual(d.metadata.dateSource, "json-ld")
        XCTAssertEqual(d.metadata.authors, ["Jonas Weber", "Aylin Demir"])
        XCTAssertEqual(d.metadata.organization, "Stadtwerke Lindenau GmbH")
        XCTAssertEqual(d.metadata.keywords, ["Fernwärme", "Preise", "Energie"])
        XCTAssertEqual(d.metadata.image, "https://www.stadtwerke-lindenau.example/media/heizwerk-nord.jpg")
        let text = HTMLTestSupport.text(d)
        XCTAssertTrue(text.contains("„Wir geben die niedrigeren Einkaufspreise vollständig"))
        for furniture in ["Cookies", "Privatkunden", "Teilen", "Wärmepumpe am Heizwerk Nord in Betrieb", "Impressum"] {
            XCTAssertFalse(text.contains(furniture), furniture)
        }
    }

    func testFigureAndTable() throws {
        let d = try sample("figure-and-table.html")
        XCTAssertEqual(d.metadata.title, "Port of Harbourton handles record 3.1 million containers in 2023")
        XCTAssertEqual(d.metadata.source, "https://www.harbour-port.example/media/press/2024-01-16-record-year.html")
        let figures = d.blocks.compactMap { if case .figure(let f) = $0 { return f }; return nil }
        XCTAssertEqual(figures.first?.image, Image(source: "https://www.harbour-port.example/media/images/terminal-west.jpg",
                                                    alt: "Container ships at the West Terminal", width: 1200, height: 675))
        let tables = d.blocks.compactMap { if case .table(let t) = $0 { return t }; return nil }
        XCTAssertEqual(tables.count, 1)
        XCTAssertEqual(tables.first?.caption, [.text("Throughput by segment")])
        XCTAssertEqual(tables.first?.header.first?.count, 4)
        XCTAssertEqual(tables.first?.rows.last?.first?.colspan, 3)
        XCTAssertTrue(HTMLTestSupport.references(d).contains("https://www.harbour-port.example/media/reports/annual-2023.pdf"))
        XCTAssertFalse(HTMLTestSupport.text(d).contains("Rail shuttle to the Midlands"))
    }
}
