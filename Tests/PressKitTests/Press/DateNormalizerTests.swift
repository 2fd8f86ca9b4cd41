import XCTest
@testable import PressKit

final class DateNormalizerTests: XCTestCase {
    private func iso(_ s: String) -> String? { DateNormalizer.normalize(s) }

    func testNumericForms() {
        XCTAssertEqual(iso("2021-09-21"), "2021-09-21")
        // A full ISO timestamp is kept whole (the metadata allows one); other forms become dates.
        XCTAssertEqual(iso("2021-09-21T10:15:00+03:00"), "2021-09-21T10:15:00+03:00")
        XCTAssertEqual(iso("2024-03-05T06:00:00Z"), "2024-03-05T06:00:00Z")
        XCTAssertEqual(iso("2024-03-05 06:00"), "2024-03-05T06:00")
        XCTAssertEqual(iso("2024-03-05T06:00:00.250-0500"), "2024-03-05T06:00:00.250-0500")
        XCTAssertEqual(iso("2024-02-30T06:00:00Z"), nil)
        XCTAssertEqual(iso("Published 2021-09-21T10:15:00+03:00 by Acme"), "2021-09-21")
        XCTAssertEqual(iso("2021/9/1"), "2021-09-01")
        XCTAssertEqual(iso("21.09.2021"), "2021-09-21")
        XCTAssertEqual(iso("21-09-2021"), "2021-09-21")
        XCTAssertEqual(iso("09/21/2021"), "2021-09-21")
        XCTAssertEqual(iso("21/09/2021"), "2021-09-21")
    }

    func testEnglish() {
        XCTAssertEqual(iso("September 21, 2021"), "2021-09-21")
        XCTAssertEqual(iso("Sept. 21, 2021"), "2021-09-21")
        XCTAssertEqual(iso("Sep 21 2021"), "2021-09-21")
        XCTAssertEqual(iso("21 September 2021"), "2021-09-21")
        XCTAssertEqual(iso("Tuesday, 21st September 2021"), "2021-09-21")
        XCTAssertEqual(iso("March 3rd, 2024"), "2024-03-03")
        XCTAssertEqual(iso("Tue, 21 Sep 2021 10:00:00 GMT"), "2021-09-21")
    }

    func testGermanFrenchSpanishRussian() {
        XCTAssertEqual(iso("3. März 2024"), "2024-03-03")
        XCTAssertEqual(iso("21. Dezember 2023"), "2023-12-21")
        XCTAssertEqual(iso("le 1er mars 2024"), "2024-03-01")
        XCTAssertEqual(iso("12 juin 2024"), "2024-06-12")
        XCTAssertEqual(iso("15 août 2023"), "2023-08-15")
        XCTAssertEqual(iso("3 de marzo de 2024"), "2024-03-03")
        XCTAssertEqual(iso("9 de diciembre del 2022"), "2022-12-09")
        XCTAssertEqual(iso("21 сентября 2021 г."), "2021-09-21")
        XCTAssertEqual(iso("1 мая 2020 года"), "2020-05-01")
    }

    func testInvalidAndNonDates() {
        XCTAssertNil(iso("31 February 2021"))
        XCTAssertNil(iso("29.02.2021"))
        XCTAssertEqual(iso("29.02.2024"), "2024-02-29")
        XCTAssertNil(iso("the 2021-2025 programme"))
        XCTAssertNil(iso("September 2021"))
        XCTAssertNil(iso("you may 3 times"))
        XCTAssertNil(iso("76th session"))
        XCTAssertNil(iso(""))
    }

    func testPartialDates() {
        let m = DateNormalizer.firstDate(in: "Today, on September 21, the Minister took part", allowPartial: true)
        XCTAssertEqual(m?.month, 9)
        XCTAssertEqual(m?.day, 21)
        XCTAssertNil(m?.year)
        XCTAssertNil(DateNormalizer.firstDate(in: "Today, on September 21, the Minister", allowPartial: false))
        XCTAssertEqual(DateNormalizer.firstDate(in: "am 3. März fand", allowPartial: true)?.month, 3)
        XCTAssertEqual(DateNormalizer.firstDate(in: "le 12 juin, la ville", allowPartial: true)?.day, 12)
        XCTAssertEqual(DateNormalizer.firstDate(in: "21 сентября в Минске", allowPartial: true)?.month, 9)
        // "March" as a verb and "may" as a modal are not months.
        XCTAssertNil(DateNormalizer.firstDate(in: "they march 20 miles and may 5 more", allowPartial: true))
    }

    func testAllDatesInText() {
        let dates = DateNormalizer.dates(in: "From 1 March 2024 to 2024-03-31, then April 2.")
        XCTAssertEqual(dates.map(\.iso), ["2024-03-01", "2024-03-31", nil])
        XCTAssertEqual(dates.last?.month, 4)
    }

    func testMetadataOverrideUsesNormalizer() {
        var m = Metadata()
        MetadataOverrides.set("date", "21 сентября 2021 г.", in: &m)
        XCTAssertEqual(m.date, "2021-09-21")
    }
}
