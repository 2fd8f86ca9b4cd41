import XCTest
@testable import PressKit

/// Tables and markup that used to be built on first use in every process and are now literals (or built
/// from literals more cheaply) equal what the old code built.
final class FirstUseTableTests: XCTestCase {
    func testDOCXStyleMarkupLiteralIsTheRenderedStyles() {
        XCTAssertEqual(DOCXStyles.allMarkup, DOCXStyles.renderedAllMarkup())
        XCTAssertEqual(DOCXStyles.allMarkup.components(separatedBy: "<w:style ").count - 1, DOCXStyles.all.count)
        for id in DOCXStyles.used {
            XCTAssertTrue(DOCXStyles.allMarkup.contains("w:styleId=\"\(id)\""), id)
        }
    }

    func testDOCXNumberingMarkupLiteralIsTheRenderedDefinitions() {
        XCTAssertEqual(DOCXNumbering.abstractNumMarkup, DOCXNumbering.renderedAbstractNumMarkup())
        XCTAssertEqual(DOCXNumbering.abstractNumMarkup.components(separatedBy: "<w:lvl ").count - 1, 27)
    }

    func testWeekdayLookupIsTheSetOfAllNames() {
        let all = Set(DateNormalizer.weekdayNames)
        var words = DateNormalizer.weekdayNames.flatMap { [$0, $0 + "s", String($0.dropLast()), $0.uppercased()] }
        words += ["mie\u{301}rcoles", "sa\u{301}bado", "lunedi\u{300}", "monday\u{301}", "", "le", "den", "on", "k\u{212A}",
                  "пятница", "пʼятниця", "п'ятниця", "środa", "s\u{301}roda", "friday!", "frі\u{434}ay"]
        for word in words { XCTAssertEqual(DateNormalizer.isWeekday(word), all.contains(word), word.debugDescription) }
    }

    func testContainsAnswersWhatTheCharacterSearchAnswers() {
        let pieces = ["a", "w", "www.", "://", ":", "/", "@", ",", ".", " ", "\r\n", "\r", "\n", "\u{301}", "\u{0600}",
                      "\u{200D}", "é", "e\u{301}", "\u{212A}", "K", ";", "\u{37E}", "`", "\u{1FEF}", "”", "🇩🇪", "WIRE)", "k"]
        let needles = ["://", "www.", "@", ",", ".", "WIRE)", "/PRNEWSWIRE/", "K", ";", "`", "e", "é", "\r\n", "\n"]
        var seed = SplitMix64(state: 77)
        for _ in 0..<6000 {
            var text = ""
            for _ in 0..<Int(seed.next() % 9) { text += pieces[Int(seed.next() % UInt64(pieces.count))] }
            for needle in needles {
                // `firstRange(of:)`: the Character search the library's `contains` runs (Foundation's, which the
                // test would otherwise call, searches UTF-16 and finds "\n" inside "\r\n").
                XCTAssertEqual(ContactLines.contains(text, needle), text.firstRange(of: needle) != nil,
                               "\(text.debugDescription) \(needle.debugDescription)")
            }
        }
    }

    func testRebuildPutsEditsWhereTheOldPathLookupPutThem() {
        var seed = SplitMix64(state: 31)
        var counter = 0
        func tree(_ depth: Int) -> [Block] {
            (0..<Int(seed.next() % 5)).map { _ in
                counter += 1
                if depth < 4, seed.next() % 3 == 0 { return .division(role: seed.next() % 2 == 0 ? nil : "note", blocks: tree(depth + 1)) }
                return .paragraph([.text("p\(counter)")])
            }
        }
        for _ in 0..<2000 {
            let blocks = tree(0)
            var flat = FlatBlocks(blocks)
            for i in flat.entries.indices {
                switch seed.next() % 4 {
                case 0: flat.remove(i)
                case 1:
                    let replacement: [Block] = [.paragraph([.text("r\(i)")]), .thematicBreak]
                    flat.replace(i, with: Array(replacement.prefix(Int(seed.next() % 3))))
                default: break
                }
            }
            XCTAssertEqual(flat.rebuild(blocks), Self.rebuildByPath(flat, blocks))
        }
        // Deeper than `maxDepth`: the divisions below it are leaves.
        var deep: [Block] = [.paragraph([.text("leaf")])]
        for _ in 0..<(FlatBlocks.maxDepth + 5) { deep = [.division(role: nil, blocks: deep)] }
        var flat = FlatBlocks(deep + [.paragraph([.text("end")])])
        flat.remove(flat.entries.count - 1)
        flat.replace(0, with: [.paragraph([.text("new")])])
        XCTAssertEqual(flat.rebuild(deep + [.paragraph([.text("end")])]), Self.rebuildByPath(flat, deep + [.paragraph([.text("end")])]))
    }

    /// `FlatBlocks.rebuild` as it was: the edits looked up by path.
    static func rebuildByPath(_ flat: FlatBlocks, _ blocks: [Block]) -> [Block] {
        var edits: [[Int]: [Block]] = [:]
        for entry in flat.entries where entry.edited { edits[entry.path] = entry.blocks }
        if edits.isEmpty { return blocks }
        func apply(_ blocks: [Block], prefix: [Int]) -> [Block] {
            var out: [Block] = []
            for (index, block) in blocks.enumerated() {
                let path = prefix + [index]
                if let replacement = edits[path] {
                    out += replacement
                } else if case .division(let role, let children) = block, path.count < FlatBlocks.maxDepth {
                    let inner = apply(children, prefix: path)
                    if !inner.isEmpty || children.isEmpty { out.append(.division(role: role, blocks: inner)) }
                } else {
                    out.append(block)
                }
            }
            return out
        }
        return apply(blocks, prefix: [])
    }

    func testMonthByteTableHoldsWhatTheDictionaryHolds() {
        let dictionary = MonthNames.table(ascii: true)
        XCTAssertGreaterThan(dictionary.count, 100)
        for (name, entry) in dictionary {
            XCTAssertEqual(MonthNames.asciiTableValue(name), entry.month << 1 | (entry.needsCapital ? 1 : 0), name)
        }
        var seed = SplitMix64(state: 5)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for _ in 0..<5000 {
            let word = String((0..<(1 + Int(seed.next() % 9))).map { _ in letters[Int(seed.next() % 26)] })
            XCTAssertEqual(MonthNames.asciiTableValue(word) != nil, dictionary[word] != nil, word)
        }
        for name in dictionary.keys { XCTAssertNil(MonthNames.asciiTableValue(name + "x")) }
        XCTAssertEqual(MonthNames.month("may", capitalized: false), nil)
        XCTAssertEqual(MonthNames.month("may", capitalized: true), 5)
        XCTAssertEqual(MonthNames.month("mai", capitalized: false), 5)
        XCTAssertEqual(MonthNames.month("märz", capitalized: false), 3)
    }

    func testContactWordByteTableHoldsTheASCIIFirstWords() {
        let words = PressReleasePass.contactFirstWords
        let ascii = words.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        XCTAssertEqual(PressReleasePass.asciiContactFirstWords.count, ascii.count)
        for word in words {
            XCTAssertEqual(PressReleasePass.asciiContactFirstWords.value(word) != nil, ascii.contains(word), word)
        }
        for text in ["Media contact:", "PRESS CONTACTS", "Contacts", "Kontakt für Medien", "Contactos de prensa", "Investor",
                     "Pressekontakt", "Mediakit", "For more information", "contact-", "Контакты", "Ufficio stampa", "x"] {
            XCTAssertEqual(PressReleasePass.mightBeContactLabel(text), PressReleasePass.generalMightBeContactLabel(text), text)
        }
    }

    func testASCIIWordTableKeepsTheFirstValue() {
        var table = ASCIIWordTable(capacity: 300)
        var reference: [String: Int] = [:]
        var seed = SplitMix64(state: 12)
        for i in 0..<300 {
            let word = String(repeating: "ab", count: Int(seed.next() % 4)) + String(seed.next() % 200)
            XCTAssertEqual(table.insert(word, value: i), reference[word] == nil)
            if reference[word] == nil { reference[word] = i }
        }
        XCTAssertEqual(table.count, reference.count)
        for (word, value) in reference { XCTAssertEqual(table.value(word), value) }
        XCTAssertNil(table.value("zz"))
        XCTAssertNil(table.value("é"))
    }
}
