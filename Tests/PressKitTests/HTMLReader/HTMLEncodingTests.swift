import XCTest
@testable import PressKit

/// Legacy pages must come out right with and without a charset declaration.
final class HTMLEncodingTests: XCTestCase {
    private let samples: [(charset: String, text: String)] = [
        ("SHIFT_JIS", "東京都は本日、新しい防災計画を発表しました。地震や台風などの災害に備え、各区の避難所を増やし、食料や水の備蓄を強化します。都知事は記者会見で、住民の皆様にも家庭での備えをお願いしたいと述べました。計画は来年四月から実施される予定です。"),
        ("GB2312", "国家统计局今天发布数据显示，今年前三个季度全国居民人均可支配收入比去年同期增长百分之六点三。其中，城镇居民收入增长百分之五点二，农村居民收入增长百分之七点三。专家认为，消费市场正在稳步恢复，就业形势总体稳定。"),
        ("WINDOWS-1251", "Министерство энергетики сообщило сегодня о вводе в эксплуатацию новой электростанции мощностью двести сорок мегаватт. Станция обеспечит теплом и горячей водой около ста двадцати тысяч квартир в северных районах города, а её строительство заняло три года."),
        ("KOI8-R", "Правительство области утвердило программу ремонта дорог на следующий год. В неё вошли сто двадцать участков общей протяжённостью более трёхсот километров, а на работы будет направлено почти четыре миллиарда рублей из областного и федерального бюджетов."),
        ("ISO-8859-1", "Le ministère de l'Agriculture a présenté aujourd'hui un plan de soutien aux éleveurs touchés par la sécheresse. Les aides, d'un montant de quarante millions d'euros, seront versées dès le mois prochain aux exploitations les plus affectées, a précisé le ministre à Besançon."),
        ("WINDOWS-1252", "Die Stadtwerke senken den Strompreis zum 1. Januar um 8 Prozent – ein Durchschnittshaushalt spart damit rund 95 € im Jahr. „Wir geben die günstigeren Einkaufspreise vollständig weiter“, sagte die Geschäftsführerin am Dienstag in Lindenau vor Journalisten."),
    ]

    private func page(_ text: String, declaration: String?) -> String {
        let meta = declaration.map { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\($0)\">" } ?? ""
        return "<html><head>\(meta)<title>News</title></head><body><div><p>\(text)</p><p>\(text)</p></div></body></html>"
    }

    private func encode(_ html: String, _ charset: String) throws -> [UInt8] {
        let bytes = try XCTUnwrap(encodeWithIconv(html, charset), "cannot encode the sample in \(charset)")
        XCTAssertNil(String(validating: bytes, as: UTF8.self), "\(charset) sample must not be valid UTF-8")
        return bytes
    }

    /// Iconv here converts to UTF-8 only: encode through a reverse table of the charset's characters.
    private func encodeWithIconv(_ html: String, _ charset: String) -> [UInt8]? {
        var out: [UInt8] = []
        for scalar in html.unicodeScalars {
            if scalar.isASCII { out.append(UInt8(scalar.value)); continue }
            guard let bytes = Self.encodeScalar(scalar, charset: charset) else { return nil }
            out += bytes
        }
        return out
    }

    /// The bytes of one character in `charset`, found by converting candidates back with iconv.
    nonisolated(unsafe) private static var cache: [String: [Unicode.Scalar: [UInt8]]] = [:]
    private static func encodeScalar(_ scalar: Unicode.Scalar, charset: String) -> [UInt8]? {
        if cache[charset] == nil {
            var table: [Unicode.Scalar: [UInt8]] = [:]
            let multiByte = charset == "SHIFT_JIS" || charset == "GB2312"
            if multiByte {
                for lead in 0x81...0xFE {
                    for trail in 0x40...0xFE {
                        let pair = [UInt8(lead), UInt8(trail)]
                        if let u = Iconv.toUTF8(pair, from: charset), let s = String(validating: u, as: UTF8.self),
                           s.unicodeScalars.count == 1, let sc = s.unicodeScalars.first, sc != "\u{FFFD}", table[sc] == nil {
                            table[sc] = pair
                        }
                    }
                }
            } else {
                for b in 0x80...0xFF {
                    if let u = Iconv.toUTF8([UInt8(b)], from: charset), let s = String(validating: u, as: UTF8.self),
                       s.unicodeScalars.count == 1, let sc = s.unicodeScalars.first, sc != "\u{FFFD}" {
                        table[sc] = [UInt8(b)]
                    }
                }
            }
            cache[charset] = table
        }
        return cache[charset]?[scalar]
    }

    func testLegacyEncodingsWithDeclaration() throws {
        for (charset, text) in samples {
            let bytes = try encode(page(text, declaration: charset), charset)
            let document = try HTMLTestSupport.read(bytes)
            XCTAssertTrue(HTMLTestSupport.text(document).contains(text), "\(charset) with declaration")
        }
    }

    func testLegacyEncodingsWithoutDeclaration() throws {
        for (charset, text) in samples {
            let bytes = try encode(page(text, declaration: nil), charset)
            let document = try HTMLTestSupport.read(bytes)
            XCTAssertTrue(HTMLTestSupport.text(document).contains(text), "\(charset) without declaration: \(HTMLTestSupport.text(document).prefix(80))")
        }
    }

    func testMetaCharsetAttributeAndXMLDeclaration() throws {
        let text = samples[2].text
        let html5 = "<!doctype html><html><head><meta charset='windows-1251'></head><body><p>\(text)</p></body></html>"
        XCTAssertTrue(HTMLTestSupport.text(try HTMLTestSupport.read(try encode(html5, "WINDOWS-1251"))).contains(text))
        XCTAssertEqual(HTMLEncoding.prescan(Array("<?xml version=\"1.0\" encoding=\"koi8-r\"?><html>".utf8)), "koi8-r")
        XCTAssertEqual(HTMLEncoding.prescan(Array("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; CHARSET=Shift_JIS\">".utf8)), "shift_jis")
    }

    func testByteOrderMarks() throws {
        let html = "<html><body><p>Grüße aus Köln – ein Test.</p></body></html>"
        let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(html.utf8)
        XCTAssertTrue(HTMLTestSupport.text(try HTMLTestSupport.read(utf8BOM)).contains("Grüße aus Köln"))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in html.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        XCTAssertTrue(HTMLTestSupport.text(try HTMLTestSupport.read(utf16)).contains("Grüße aus Köln"))
    }

    func testLatin1DeclarationOnUTF8PageAndBadBytes() throws {
        let html = "<html><head><meta charset=iso-8859-1></head><body><p>Café crème – déjà vu.</p></body></html>"
        XCTAssertTrue(HTMLTestSupport.text(try HTMLTestSupport.read(Array(html.utf8))).contains("Café crème – déjà vu."))
        // Invalid UTF-8 in a page declared UTF-8: the bad byte becomes U+FFFD, the rest survives.
        let bad = Array("<html><head><meta charset=utf-8></head><body><p>before ".utf8) + [0xFF] + Array(" after</p></body></html>".utf8)
        XCTAssertEqual(HTMLTestSupport.text(try HTMLTestSupport.read(bad)), "before \u{FFFD} after")
    }

    func testEncodingOptionOverridesAndUnknownNameIsAUsageError() throws {
        let text = samples[3].text
        let bytes = try encode(page(text, declaration: "windows-1251"), "KOI8-R")
        XCTAssertTrue(HTMLTestSupport.text(try HTMLTestSupport.read(bytes, encoding: "koi8-r")).contains(text))
        XCTAssertThrowsError(try HTMLTestSupport.read(bytes, encoding: "no-such-charset")) { error in
            XCTAssertEqual((error as? PressKitError)?.kind, .usage)
        }
    }

    /// The reader parses `HTMLEncoding.utf8`'s output without validating it again: every way through it gives
    /// valid UTF-8, bad bytes and lone surrogates included.
    func testOutputIsAlwaysValidUTF8() throws {
        let body = Array("<html><body><p>a ".utf8), end = Array(" b</p></body></html>".utf8)
        var utf16Surrogate: [UInt8] = [0xFF, 0xFE]
        for unit in Array("<p>x".utf16) + [0xD800] + Array("y</p>".utf16) { utf16Surrogate += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let pages: [([UInt8], String?)] = [
            (body + [0xFF, 0xC3, 0x28, 0xE2, 0x82] + end, nil),
            (Array("<meta charset=utf-8>".utf8) + body + [0xED, 0xA0, 0x80, 0xF8] + end, nil),
            (Array("<meta charset=windows-1252>".utf8) + body + [0x80, 0x81, 0x9D, 0xFF] + end, nil),
            (Array("<meta charset=shift_jis>".utf8) + body + [0x82, 0xA0, 0x82, 0xFF, 0x81] + end, nil),
            (Array("<meta charset=no-such-thing>".utf8) + body + [0xE9, 0xFF] + end, nil),
            ([0xEF, 0xBB, 0xBF] + body + [0xC0, 0xAF] + end, nil),
            (utf16Surrogate, nil),
            (body + [0xE9, 0x80] + end, "utf-8"),
            (body + [0xE9, 0x80] + end, "iso-8859-2"),
        ]
        for (bytes, declared) in pages {
            guard let utf8 = try? HTMLEncoding.utf8(bytes, declared: declared).bytes else { continue }
            XCTAssertTrue(UTF8Validation.isValid(utf8), "\(bytes) \(declared ?? "")")
            XCTAssertTrue(HTMLParser.parse(utf8: utf8, isValidUTF8: true) == HTMLParser.parse(utf8: utf8))
        }
    }
}
