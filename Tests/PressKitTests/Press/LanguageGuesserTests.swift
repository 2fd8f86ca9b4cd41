import XCTest
@testable import PressKit

/// The stopword count splits words on bytes first (fast); it must count exactly what splitting the whole
/// lowercased text into Characters counts (the reference below, the guesser's former code).
final class LanguageGuesserTests: XCTestCase {
    func testByteSplitCountsWhatCharacterSplitCounts() {
        let pieces = ["the", "The", "THE", "und", "für", "Für", "más", "de", "le", " ", "  ", "\n", "\r\n", ",", ".",
                      "“", "”", "—", "é", "e\u{301}", "'", "\u{301}", "1\u{FE0F}\u{20E3}", "ß", "x", "straße", "Ω",
                      "д", "der", "die", "\u{00A0}", "-", "über", "a", "ñ", "ça", "日本", "σ", "İ", "which", "nicht"]
        var random = SplitMix64(state: 2026)
        for _ in 0..<20_000 {
            var sample = ""
            for _ in 0..<Int(random.next() % 30) { sample += pieces[Int(random.next() % UInt64(pieces.count))] }
            XCTAssertEqual(LanguageGuesser.stopwordScores(sample), Self.reference(sample), sample.debugDescription)
        }
    }

    func testGuessesOnReleases() {
        XCTAssertEqual(LanguageGuesser.guess("The company said that it will open the plant for the region, with “new” jobs and the support of its partners."), "en")
        XCTAssertEqual(LanguageGuesser.guess("Die Stadt und das Land haben sich auf eine neue Förderung für die Region geeinigt, die auch den Verkehr betrifft."), "de")
        XCTAssertEqual(LanguageGuesser.guess("La ville et la région ont signé une convention pour les transports, qui sont au cœur des projets avec les partenaires."), "fr")
    }

    static func reference(_ sample: String) -> [Int] {
        let lists = LanguageGuesser.stopwordLists
        var scores = [Int](repeating: 0, count: lists.count)
        var word = ""
        func count() {
            if !word.isEmpty {
                for (index, list) in lists.enumerated() where list.contains(word) { scores[index] += 1 }
                word = ""
            }
        }
        for c in sample.lowercased() {
            if c.isLetter { word.append(c) } else { count() }
        }
        count()
        return scores
    }
}
