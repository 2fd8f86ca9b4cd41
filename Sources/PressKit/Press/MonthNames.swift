/// Month names and abbreviations in English, German, French, Spanish, Russian and Ukrainian (nominative and
/// genitive), Italian, Portuguese, Dutch, Polish, Arabic, Hindi and Bengali,
/// looked up by their lower-cased spelling. Built once per process.
enum MonthNames {
    struct Entry {
        let month: Int
        /// English names must be capitalised to count ("may" and "march" are also verbs).
        let needsCapital: Bool
    }

    /// The month a word names, if any. `word` as written; `capitalized` whether its first letter is upper case.
    static func month(_ lowercased: String, capitalized: Bool) -> Int? {
        // Two tables: an ASCII word can only equal an ASCII name, so the names in other scripts (whose hashing
        // normalises Unicode, the larger part of building the table) are set up only once a text has such a word.
        let ascii = lowercased.utf8.allSatisfy { $0 < 0x80 }
        let found: Entry?
        if ascii {
            found = asciiTable.value(lowercased).map { Entry(month: $0 >> 1, needsCapital: $0 & 1 == 1) }
        } else {
            found = otherTable[lowercased]
        }
        guard let entry = found else { return nil }
        if entry.needsCapital && !capitalized { return nil }
        return entry.month
    }

    /// The ASCII names as bytes (value: month × 2 + needs a capital), the first spelling of each name
    /// winning as in `table(ascii: true)` (tested equal): that dictionary cost 0.23 M instructions to build.
    private static let asciiTable: ASCIIWordTable = {
        var table = ASCIIWordTable(capacity: 220)
        forEachName(ascii: true) { name, month, capital in table.insert(name, value: month << 1 | (capital ? 1 : 0)) }
        return table
    }()
    private static let otherTable = table(ascii: false)

    /// The names written in ASCII only (`ascii`), or the others.
    static func table(ascii: Bool) -> [String: Entry] {
        var t: [String: Entry] = [:]
        forEachName(ascii: ascii) { name, month, capital in
            if t[name] == nil { t[name] = Entry(month: month, needsCapital: capital) }
        }
        return t
    }

    /// The value of an ASCII name in the byte table (month × 2 + needs a capital); for tests.
    static func asciiTableValue(_ name: String) -> Int? { asciiTable.value(name) }

    /// Every spelling written in ASCII only (`ascii`), or every other, with its month and whether it needs a
    /// capital, in the order the tables take them (the first of a spelling wins).
    private static func forEachName(ascii: Bool, _ body: (String, Int, Bool) -> Void) {
        func add(_ names: [[String]], capital: Bool) {
            for (index, spellings) in names.enumerated() {
                for name in spellings where name.utf8.allSatisfy({ $0 < 0x80 }) == ascii {
                    body(name, index + 1, capital)
                }
            }
        }
        // Other languages first: "mai" and "mars" are not English words, so they need no capital.
        add([["januar", "jänner", "jan"], ["februar", "feb", "febr"], ["märz", "maerz", "mär", "mrz"],
             ["april", "apr"], ["mai"], ["juni", "jun"], ["juli", "jul"], ["august", "aug"],
             ["september", "sep", "sept"], ["oktober", "okt"], ["november", "nov"], ["dezember", "dez"]],
            capital: false)
        add([["janvier", "janv"], ["février", "fevrier", "févr", "fevr", "fév"], ["mars"], ["avril", "avr"], [],
             ["juin"], ["juillet", "juil"], ["août", "aout"], ["septembre"], ["octobre", "oct"],
             ["novembre"], ["décembre", "decembre", "déc", "dec"]], capital: false)
        add([["enero", "ene"], ["febrero"], ["marzo"], ["abril", "abr"], ["mayo"], ["junio"], ["julio"],
             ["agosto"], ["septiembre", "setiembre"], ["octubre"], ["noviembre"], ["diciembre", "dic"]],
            capital: false)
        add([["января", "январь", "янв"], ["февраля", "февраль", "фев"], ["марта", "март", "мар"],
             ["апреля", "апрель", "апр"], ["мая", "май"], ["июня", "июнь", "июн"], ["июля", "июль", "июл"],
             ["августа", "август", "авг"], ["сентября", "сентябрь", "сен", "сент"],
             ["октября", "октябрь", "окт"], ["ноября", "ноябрь", "ноя"], ["декабря", "декабрь", "дек"]],
            capital: false)
        // Italian, Portuguese, Dutch (names written in lower case), Polish and Ukrainian (the genitive of
        // dates and the nominative), Arabic (the Egyptian and the Levantine names).
        add([["gennaio", "gen"], ["febbraio"], ["marzo"], ["aprile"], ["maggio", "mag"], ["giugno", "giu"],
             ["luglio", "lug"], ["agosto"], ["settembre"], ["ottobre", "ott"], ["novembre"], ["dicembre"]],
            capital: false)
        add([["janeiro"], ["fevereiro", "fev"], ["março", "marco"], ["abril"], ["maio"], ["junho"], ["julho"],
             ["agosto"], ["setembro"], ["outubro"], ["novembro"], ["dezembro"]], capital: false)
        add([["januari"], ["februari"], ["maart", "mrt"], ["april"], ["mei"], ["juni"], ["juli"], ["augustus"],
             ["september"], ["oktober"], ["november"], ["december"]], capital: false)
        add([["stycznia", "styczeń", "sty"], ["lutego", "luty", "lut"], ["marca", "marzec"],
             ["kwietnia", "kwiecień", "kwi"], ["maja", "maj"], ["czerwca", "czerwiec"], ["lipca", "lipiec", "lip"],
             ["sierpnia", "sierpień"], ["września", "wrzesień", "wrz"], ["października", "październik", "paź"],
             ["listopada", "listopad"], ["grudnia", "grudzień", "gru"]], capital: false)
        add([["січня", "січень", "січ"], ["лютого", "лютий", "лют"], ["березня", "березень"],
             ["квітня", "квітень", "квіт"], ["травня", "травень", "трав"], ["червня", "червень", "черв"],
             ["липня", "липень", "лип"], ["серпня", "серпень", "серп"], ["вересня", "вересень"],
             ["жовтня", "жовтень", "жовт"], ["листопада", "листопад"], ["грудня", "грудень", "груд"]],
            capital: false)
        add([["يناير"], ["فبراير", "شباط"], ["مارس", "آذار"], ["أبريل", "ابريل", "إبريل", "نيسان"], ["مايو", "أيار"],
             ["يونيو", "يونيه", "حزيران"], ["يوليو", "يوليه", "تموز"], ["أغسطس", "اغسطس", "آب"],
             ["سبتمبر", "أيلول"], ["أكتوبر", "اكتوبر"], ["نوفمبر"], ["ديسمبر"]], capital: false)
        // Hindi and Bengali (each word with its vowel signs and virama; a nukta letter equals its two-scalar
        // spelling, as Swift compares strings canonically).
        add([["जनवरी"], ["फ़रवरी", "फरवरी"], ["मार्च"], ["अप्रैल"], ["मई"], ["जून"], ["जुलाई"], ["अगस्त"],
             ["सितंबर", "सितम्बर"], ["अक्टूबर", "अक्तूबर"], ["नवंबर", "नवम्बर"], ["दिसंबर", "दिसम्बर"]], capital: false)
        add([["জানুয়ারি", "জানুয়ারী"], ["ফেব্রুয়ারি", "ফেব্রুয়ারী"], ["মার্চ"], ["এপ্রিল"], ["মে"], ["জুন"],
             ["জুলাই"], ["আগস্ট", "অগাস্ট"], ["সেপ্টেম্বর"], ["অক্টোবর"], ["নভেম্বর"], ["ডিসেম্বর"]], capital: false)
        // English last; names shared with German ("april", "august", "september", "november") stay
        // case-insensitive, which is harmless next to a day number.
        add([["january"], ["february"], ["march", "mar"], [], ["may"], ["june"], ["july"], [], [],
             ["october"], [], ["december"]], capital: true)
    }
}
