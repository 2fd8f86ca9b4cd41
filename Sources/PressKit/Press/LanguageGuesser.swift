/// The one language guesser: a cheap guess of a text's language from its script and its commonest words:
/// en, de, fr, es, ru (and uk/be by their own letters). Nil when the evidence is thin. The press pass uses it
/// for a release that names no language; the EPUB writer for a book whose releases name none.
enum LanguageGuesser {
    /// The language of some releases, from the plain text of their first blocks (about 8,000 bytes).
    static func guess(_ documents: [Document]) -> String? {
        var sample = ""
        outer: for document in documents {
            for block in document.blocks {
                sample += block.plainText
                sample += "\n"
                if sample.utf8.count >= 8_000 { break outer }
            }
        }
        return guess(sample)
    }

    /// The languages scored, in the order of `stopwordScores`, and their commonest words. Kept as plain
    /// arrays: hashing them into sets on first use cost 0.57 M instructions, most of a small release's language
    /// guess; the ASCII words go straight into `asciiStopwordTable`, the sets are built only for a non-ASCII word.
    private static let languages = ["en", "de", "fr", "es"]
    private static let words: [[String]] = [
        ["the", "and", "of", "to", "is", "that", "for", "with", "on", "was", "are", "this", "by", "will", "has", "have", "from", "its", "which"],
        ["der", "die", "und", "das", "ist", "nicht", "mit", "den", "für", "von", "zu", "im", "auf", "des", "dem", "eine", "ein", "wird", "sich", "auch"],
        ["le", "les", "et", "des", "du", "est", "une", "pour", "dans", "que", "qui", "au", "sur", "avec", "par", "aux", "sont", "nous", "ses"],
        ["el", "los", "las", "y", "del", "que", "por", "para", "con", "una", "es", "se", "su", "al", "como", "más", "sus", "entre"],
    ]
    /// The stopword sets, in the order of `stopwordScores` (for the words with non-ASCII letters).
    static let stopwordLists: [Set<String>] = words.map { Set($0) }

    static func guess(_ sample: String) -> String? {
        let (cyrillic, latin, ukrainian, belarusian) = scriptCounts(sample)
        if cyrillic > latin && cyrillic >= 20 {
            if belarusian * 200 > cyrillic { return "be" }
            if ukrainian * 100 > cyrillic { return "uk" }
            return "ru"
        }
        guard latin >= 20 else { return nil }
        let scores = stopwordScores(sample)
        guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }) else { return nil }
        let second = scores.enumerated().filter { $0.offset != best }.map(\.element).max() ?? 0
        guard scores[best] >= 3, scores[best] * 2 > second * 3 else { return nil }
        return languages[best]
    }

    /// Cyrillic and Latin letters of `sample`, and the Ukrainian and Belarusian letters among the Cyrillic
    /// ones. Counted on the UTF-8 bytes: every scalar counted is below U+0800, one byte (ASCII) or a lead byte
    /// 0xC2–0xDF with one continuation byte, so longer sequences and continuation bytes are passed over
    /// without decoding (the loop over `unicodeScalars` it replaces cost 24 instructions a scalar).
    static func scriptCounts(_ sample: String) -> (cyrillic: Int, latin: Int, ukrainian: Int, belarusian: Int) {
        var cyrillic = 0, latin = 0, ukrainian = 0, belarusian = 0
        var sample = sample
        sample.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if (b | 0x20) &- 0x61 < 26 { latin += 1 }
                    i += 1
                    continue
                }
                guard b >= 0xC0, b < 0xE0, i + 1 < n else { i += 1; continue }
                let v = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
                switch v {
                case 0x0400...0x04FF:
                    cyrillic += 1
                    // і ї є ґ І Ї Є; ў Ў
                    if v == 0x456 || v == 0x457 || v == 0x454 || v == 0x491 || v == 0x406 || v == 0x407 || v == 0x404 { ukrainian += 1 }
                    if v == 0x45E || v == 0x40E { belarusian += 1 }
                case 0xC0...0x24F:
                    latin += 1
                default:
                    break
                }
            }
        }
        return (cyrillic, latin, ukrainian, belarusian)
    }

    /// Scores each stopword list on `sample`. Words are maximal runs of letters, lowercased. Splitting runs
    /// on bytes first keeps the common case (ASCII words) free of grapheme breaking and allocation; a run
    /// holding non-ASCII bytes is split into Characters as before.
    static func stopwordScores(_ sample: String) -> [Int] {
        var scores = [Int](repeating: 0, count: languages.count)
        /// A word of a run holding non-ASCII bytes: an ASCII word is looked up as its packed bytes (a string
        /// of ASCII bytes equals another exactly when their bytes are equal), any other in the sets.
        func count(_ word: String) {
            if word.utf8.allSatisfy({ $0 < 0x80 }) {
                guard word.utf8.count <= 8 else { return }
                let key = word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
                if let lists = asciiStopwordTable.lists(for: key) { for index in lists { scores[index] += 1 } }
                return
            }
            for (index, set) in stopwordLists.enumerated() where set.contains(word) { scores[index] += 1 }
        }
        let bytes = Array(sample.utf8)
        var start = 0
        var i = 0
        func token(_ from: Int, _ to: Int, ascii: Bool) {
            guard from < to else { return }
            if ascii {
                guard to - from <= 8 else { return }
                var key: UInt64 = 0
                for b in bytes[from..<to] { key = key << 8 | UInt64(b <= 90 ? b + 32 : b) }
                if let lists = asciiStopwordTable.lists(for: key) { for index in lists { scores[index] += 1 } }
                return
            }
            var word = ""
            for c in String(decoding: bytes[from..<to], as: UTF8.self).fastLowercased() {
                if c.isLetter { word.append(c) } else if !word.isEmpty { count(word); word = "" }
            }
            if !word.isEmpty { count(word) }
        }
        var ascii = true
        while i < bytes.count {
            let b = bytes[i]
            let isASCIILetter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
            if b < 0x80 && !isASCIILetter {
                token(start, i, ascii: ascii)
                start = i + 1
                ascii = true
            } else if b >= 0x80 {
                ascii = false
            }
            i += 1
        }
        token(start, bytes.count, ascii: ascii)
        return scores
    }

    /// The ASCII stopwords (at most 8 bytes) packed into integers, with the lists holding each, in a small
    /// open-addressing table (a multiply and a shift per word instead of
    /// `Hasher`: a release's 1,300 words were 0.2 M instructions of dictionary lookups).
    static let asciiStopwordTable: PackedWordTable = {
        var table = PackedWordTable()
        for (index, list) in words.enumerated() {
            for word in list where word.utf8.allSatisfy({ $0 < 0x80 }) {
                precondition(word.utf8.count <= 8)
                table.add(word.utf8.reduce(0) { $0 << 8 | UInt64($1) }, list: index)
            }
        }
        return table
    }()

    struct PackedWordTable: Sendable {
        private var keys: [UInt64]
        private var values: [[Int]]
        private static let bits = 9

        private var count = 0

        init() {
            keys = [UInt64](repeating: 0, count: 1 << Self.bits)
            values = [[Int]](repeating: [], count: 1 << Self.bits)
        }

        /// Records that list `list` holds the packed word `key` (never 0).
        mutating func add(_ key: UInt64, list: Int) {
            precondition(key != 0)
            var slot = Self.slot(key)
            while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & ((1 << Self.bits) - 1) }
            if keys[slot] == 0 {
                precondition(count < (1 << Self.bits) / 2)
                keys[slot] = key
                count += 1
            }
            if !values[slot].contains(list) { values[slot].append(list) }
        }

        private static func slot(_ key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
        }

        /// The lists holding the packed word `key` (never 0), or nil.
        func lists(for key: UInt64) -> [Int]? {
            var slot = Self.slot(key)
            while keys[slot] != 0 {
                if keys[slot] == key { return values[slot] }
                slot = (slot + 1) & ((1 << Self.bits) - 1)
            }
            return nil
        }
    }
}
