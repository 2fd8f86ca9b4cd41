/// Month names and abbreviations in English, German, French, Spanish and Russian (nominative and genitive),
/// looked up by their lower-cased spelling. Built once per process.
enum MonthNames {
    struct Entry {
        let month: Int
        /// English names must be capitalised to count ("may" and "march" are also verbs).
        let needsCapital: Bool
    }

    /// The month a word names, if any. `word` as written; `capitalized` whether its first letter is upper case.
    static func month(_ lowercased: String, capitalized: Bool) -> Int? {
        guard let entry = table[lowercased] else { return nil }
        if entry.needsCapital && !capitalized { return nil }
        return entry.month
    }

    private static let table: [String: Entry] = {
        var t: [String: Entry] = [:]
        func add(_ names: [[String]], capital: Bool) {
            for (index, spellings) in names.enumerated() {
                for name in spellings where t[name] == nil {
                    t[name] = Entry(month: index + 1, needsCapital: capital)
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
        // English last; names shared with German ("april", "august", "september", "november") stay
        // case-insensitive, which is harmless next to a day number.
        add([["january"], ["february"], ["march", "mar"], [], ["may"], ["june"], ["july"], [], [],
             ["october"], [], ["december"]], capital: true)
        return t
    }()
}
