import XCTest
@testable import PressKit

/// Month names of Hindi and Bengali (words whose vowel signs, virama and nukta are combining marks) and the
/// numeric Solar Hijri dates of Persian pages (`۱۳۹۹/۰۴/۰۲`).
final class HTMLDateIndicAndPersianTests: XCTestCase {
    private func read(_ html: String) throws -> Metadata {
        try HTMLReader().read(Array(html.utf8), context: ConversionContext(options: ConversionOptions())).metadata
    }

    private let prose = """
    <p>The committee met on Tuesday evening to discuss the new timetable for the regional buses and trains.</p>
    <p>Members agreed that the changes should be published well before the start of the school year in autumn.</p>
    """

    /// A word is a letter followed by letters and combining marks: `जनवरी` is one word, not `जनवर` and `ी`.
    func testCombiningMarksStayInTheWord() {
        for word in ["जनवरी", "सितम्बर", "জানুয়ারি", "ফেব্রুয়ারি", "e\u{301}te\u{301}"] {
            let tokens = DateTokenizer.tokens(word)
            XCTAssertEqual(tokens.count, 1, word)
            XCTAssertEqual(tokens.first?.word, word.lowercased(), word)
        }
        // A mark after a digit or a space starts no word; a digit still ends one.
        XCTAssertEqual(DateTokenizer.tokens("मई२०२०").map(\.range).count, 2)
        XCTAssertEqual(DateTokenizer.tokens("1 \u{301}").count, 2)
    }

    func testHindiAndBengaliMonthNames() {
        XCTAssertEqual(DateNormalizer.normalize("15 जनवरी 2021"), "2021-01-15")
        XCTAssertEqual(DateNormalizer.normalize("१६ फ़रवरी २०२०"), "2020-02-16")
        // फ़ written as फ plus nukta, and as the one scalar U+095E: the same name.
        XCTAssertEqual(DateNormalizer.normalize("16 \u{095E}रवरी 2020"), "2020-02-16")
        XCTAssertEqual(DateNormalizer.normalize("16 फ\u{093C}रवरी 2020"), "2020-02-16")
        XCTAssertEqual(DateNormalizer.normalize("अपडेट: 3 सितंबर 2022, 10:15 AM IST"), "2022-09-03")
        XCTAssertEqual(DateNormalizer.normalize("০৫ সেপ্টেম্বর ২০২১, ১১:৩০"), "2021-09-05")
        // য় as U+09DF and as য plus nukta.
        XCTAssertEqual(DateNormalizer.normalize("৩ জানু\u{09DF}ারি ২০২১"), "2021-01-03")
        XCTAssertEqual(DateNormalizer.normalize("৩ জানু\u{09AF}\u{09BC}ারি ২০২১"), "2021-01-03")
        XCTAssertEqual(DateNormalizer.normalize("১২ মে ২০২০"), "2020-05-12")
    }

    /// A Hindi news page and a Bengali one with the day in words in the byline; the sidebar's later days lose.
    func testIndicBylines() throws {
        let hindi = """
        <!DOCTYPE html><html lang="hi"><head><meta charset="utf-8"><title>शहर में नई बस सेवा शुरू</title></head><body>
        <main><article><h1>शहर में नई बस सेवा शुरू</h1>
        <div class="byline"><span>संवाददाता, भोपाल</span> <span>प्रकाशित: 12 अगस्त 2021, 10:15 AM IST</span></div>
        \(prose)</article></main>
        <aside class="sidebar"><h3>ताज़ा खबरें</h3><ul><li>बारिश का अलर्ट <span>14 अगस्त 2021</span></li></ul></aside>
        </body></html>
        """
        XCTAssertEqual(try read(hindi).date, "2021-08-12")
        let bengali = """
        <!DOCTYPE html><html lang="bn"><head><meta charset="utf-8"><title>নতুন গ্রন্থাগার উদ্বোধন</title></head><body>
        <main><h1>নতুন গ্রন্থাগার উদ্বোধন</h1><p class="news-time">প্রকাশিত: ০৫ সেপ্টেম্বর ২০২১, ১১:৩০</p>
        \(prose)</main></body></html>
        """
        XCTAssertEqual(try read(bengali).date, "2021-09-05")
    }

    func testNumericSolarHijri() {
        XCTAssertEqual(SolarHijri.firstNumericDate(in: "۱۳۹۹/۰۴/۰۲ - ۱۲:۰۹")?.iso, "2020-06-22")
        XCTAssertEqual(SolarHijri.firstNumericDate(in: "تاریخ انتشار: 1402-01-01")?.iso, "2023-03-21")
        XCTAssertEqual(SolarHijri.firstNumericDate(in: "1399.04.02")?.iso, "2020-06-22")
        // Mixed separators, a month the calendar lacks, a year outside 1373–1479, a longer number: none.
        XCTAssertNil(SolarHijri.firstNumericDate(in: "1399/04-02"))
        XCTAssertNil(SolarHijri.firstNumericDate(in: "1399/13/02"))
        XCTAssertNil(SolarHijri.firstNumericDate(in: "1350/04/02"))
        XCTAssertNil(SolarHijri.firstNumericDate(in: "1399/04/02/7"))
        XCTAssertNil(PrintedDate.find(in: "کد خبر: 1399/04/02"), "numeric Solar Hijri only on a Persian page")
        XCTAssertEqual(PrintedDate.find(in: "کد خبر: 1399/04/02", persian: true)?.date.iso, "2020-06-22")
    }

    /// An Iranian news page prints the day in figures; an Arabic page's lunar Hijri date in figures
    /// (`1441/11/01`, a year in the same range) is not read as a Solar Hijri one.
    func testPersianPageWithNumericDate() throws {
        let persian = """
        <!DOCTYPE html><html lang="fa-IR" dir="rtl"><head><meta charset="utf-8"><title>افتتاح کتابخانه عمومی جدید</title></head>
        <body><main><h1>افتتاح کتابخانه عمومی جدید</h1>
        <div class="news-info"><span>کد خبر: ۴۸۲۱۷</span> <span class="news-date">۱۳۹۹/۰۴/۰۲ - ۱۲:۰۹</span></div>
        \(prose)</main></body></html>
        """
        let m = try read(persian)
        XCTAssertEqual(m.date, "2020-06-22")
        XCTAssertEqual(m.dateSource, "byline")
        let arabic = """
        <!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>افتتاح مكتبة عامة جديدة</title></head>
        <body><main><h1>افتتاح مكتبة عامة جديدة</h1><span class="date">1441/11/01 هـ</span>
        \(prose)</main></body></html>
        """
        XCTAssertNil(try read(arabic).date)
    }
}
