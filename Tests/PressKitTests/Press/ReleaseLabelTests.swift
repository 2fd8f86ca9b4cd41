import XCTest
@testable import PressKit

/// The release labels the press pass and the HTML title rule recognise cover every language the shared
/// presentation writes, with or without a number.
final class ReleaseLabelTests: XCTestCase {
    func testEveryPresentationLanguagesLabelIsRecognised() {
        for language in ReleaseTerms.languages {
            let label = ReleaseTerms.forLanguage(language).pressRelease
            XCTAssertTrue(ReleaseLabels.isLabel(label), label)
            XCTAssertTrue(ReleaseLabels.isLabel(label + " 045/2024"), label)
            XCTAssertTrue(ReleaseLabels.isLabel(label.uppercased() + " Nr. 12 2024"), label)
        }
        XCTAssertFalse(ReleaseLabels.isLabel("Harbour 2024"))
    }

    func testLabelsLeaveHTMLTitles() throws {
        for (label, separator) in [("Comunicato stampa", ": "), ("Persbericht 12/2024", " – "), ("Informacja prasowa", ": ")] {
            let title = label + separator + "Nuovo impianto di depurazione a Verona"
            let html = "<html><head><title>\(title)</title></head><body><main><h1>\(title)</h1>"
                + "<p>Il nuovo impianto tratta le acque di 200.000 abitanti dal primo maggio.</p></main></body></html>"
            let document = try HTMLTestSupport.read(Array(html.utf8))
            XCTAssertEqual(document.metadata.title, "Nuovo impianto di depurazione a Verona", label)
        }
    }
}
