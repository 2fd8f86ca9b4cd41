/// The one localisation table: every word a writer adds to a release itself (the contact heading, "Source",
/// the embargo line, the book's navigation, image placeholders) and how a day is written, per language.
///
/// Languages: en (also the fallback for every other language), de, fr, es, ru, it, nl, pl, pt, uk. A writer
/// never spells a label itself: it asks `ReleaseTerms.forLanguage(tag)` (any BCP 47 tag or locale name;
/// only the primary language counts). To add a language, see "How to add a label language" in
/// docs/ARCHITECTURE.md.
public struct ReleaseTerms: Hashable, Sendable {
    /// The primary language subtag these terms are for ("en" for the fallback).
    public var language: String
    /// The heading over one contact and over several: "Media contact", "Media contacts".
    public var mediaContact: String
    public var mediaContacts: String
    /// "Source", before the release's URL.
    public var source: String
    /// "Embargoed until", before the embargo's date.
    public var embargoedUntil: String
    /// "By", before the authors.
    public var by: String
    /// A release without a title, and a digest's title.
    public var pressRelease: String
    public var pressReleases: String
    /// A document without any title or heading (HTML `<title>`).
    public var untitled: String
    /// An image standing for its alt text in plain text ("[Image: alt]"), or an image with no alt text.
    public var image: String
    /// The book's navigation (EPUB).
    public var contents: String
    public var landmarks: String
    public var cover: String
    public var titlePage: String
    public var startOfText: String
    /// Month names as a date writes them (genitive where the language wants it); nil: days are written ISO.
    var months: [String]?
    var dayPattern: DayPattern
    /// The separator between a label and its value: ":" (French: " :").
    public var colon: String

    enum DayPattern: Hashable, Sendable {
        case monthDayYear      // March 5, 2024
        case dayDotMonthYear   // 5. März 2024
        case dayMonthYear      // 5 mars 2024 (fr: 1er)
        case dayDeMonthDeYear  // 5 de marzo de 2024
        case dayMonthYearSuffix(String)  // 5 марта 2024 г.
        case iso
    }

    /// The heading over `count` contacts.
    public func contactsHeading(count: Int) -> String { count == 1 ? mediaContact : mediaContacts }

    /// "Source:" / "Source :": a label followed by this language's colon.
    public func labeled(_ label: String) -> String { label + colon }

    /// A calendar day as this language writes it ("5. März 2024"); ISO for languages without month names.
    public func day(year: Int, month: Int, day: Int) -> String {
        guard let months, (1...12).contains(month) else { return CivilDate.iso(year: year, month: month, day: day) }
        let name = months[month - 1]
        switch dayPattern {
        case .monthDayYear: return "\(name) \(day), \(year)"
        case .dayDotMonthYear: return "\(day). \(name) \(year)"
        case .dayMonthYear: return (language == "fr" && day == 1 ? "1er" : "\(day)") + " \(name) \(year)"
        case .dayDeMonthDeYear: return "\(day) de \(name) de \(year)"
        case .dayMonthYearSuffix(let suffix): return "\(day) \(name) \(year) \(suffix)"
        case .iso: return CivilDate.iso(year: year, month: month, day: day)
        }
    }

    /// An ISO 8601 date or timestamp for people to read: the day in this language and, with `time`, the time
    /// of day and its zone when the value has them ("5. März 2024, 10:00 +01:00", "March 5, 2024, 00:01 UTC");
    /// a value that is not a real day is returned trimmed.
    public func date(_ value: String, time withTime: Bool = false) -> String {
        let trimmed = value.trimmingSpaces()
        guard let d = CivilDate.day(trimmed) else { return trimmed }
        var shown = day(year: d.year, month: d.month, day: d.day)
        // The time as the one timestamp parser reads it (`ReleaseTimestamp`), so "+01" shows as "+01:00",
        // as ninjs writes it; a malformed time shows the day alone.
        if withTime, let timestamp = ReleaseTimestamp(iso: trimmed), timestamp.hasTime {
            shown += ", " + timestamp.displayTime
        }
        return shown
    }

    /// The terms for a language tag or locale name. Without a language: English. For a language not in the
    /// table: English labels with ISO days (no month names of the wrong language).
    public static func forLanguage(_ tag: String?) -> ReleaseTerms {
        let primary = LanguageTag.primary(tag)
        if primary.isEmpty { return english }
        if let terms = table[primary] { return terms }
        var fallback = english
        fallback.language = primary
        fallback.months = nil
        fallback.dayPattern = .iso
        return fallback
    }

    /// Every language the table holds, by primary subtag.
    public static var languages: [String] { table.keys.sorted() }

    static let english = ReleaseTerms(
        language: "en", mediaContact: "Media contact", mediaContacts: "Media contacts", source: "Source",
        embargoedUntil: "Embargoed until", by: "By", pressRelease: "Press release", pressReleases: "Press releases",
        untitled: "Untitled", image: "Image", contents: "Contents", landmarks: "Landmarks", cover: "Cover",
        titlePage: "Title page", startOfText: "Start of text",
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"],
        dayPattern: .monthDayYear, colon: ":")

    static let table: [String: ReleaseTerms] = [
        "en": english,
        "de": ReleaseTerms(
            language: "de", mediaContact: "Pressekontakt", mediaContacts: "Pressekontakte", source: "Quelle",
            embargoedUntil: "Sperrfrist bis", by: "Von", pressRelease: "Pressemitteilung",
            pressReleases: "Pressemitteilungen", untitled: "Ohne Titel", image: "Bild", contents: "Inhalt",
            landmarks: "Orientierungspunkte", cover: "Titelbild", titlePage: "Titelseite", startOfText: "Textbeginn",
            months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                     "November", "Dezember"],
            dayPattern: .dayDotMonthYear, colon: ":"),
        "fr": ReleaseTerms(
            language: "fr", mediaContact: "Contact presse", mediaContacts: "Contacts presse", source: "Source",
            embargoedUntil: "Sous embargo jusqu\u{2019}au", by: "Par", pressRelease: "Communiqué de presse",
            pressReleases: "Communiqués de presse", untitled: "Sans titre", image: "Image",
            contents: "Table des matières", landmarks: "Repères", cover: "Couverture", titlePage: "Page de titre",
            startOfText: "Début du texte",
            months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                     "novembre", "décembre"],
            dayPattern: .dayMonthYear, colon: " :"),
        "es": ReleaseTerms(
            language: "es", mediaContact: "Contacto de prensa", mediaContacts: "Contactos de prensa", source: "Fuente",
            embargoedUntil: "Embargo hasta el", by: "Por", pressRelease: "Comunicado de prensa",
            pressReleases: "Comunicados de prensa", untitled: "Sin título", image: "Imagen", contents: "Índice",
            landmarks: "Puntos de referencia", cover: "Cubierta", titlePage: "Portada", startOfText: "Inicio del texto",
            months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                     "noviembre", "diciembre"],
            dayPattern: .dayDeMonthDeYear, colon: ":"),
        "ru": ReleaseTerms(
            language: "ru", mediaContact: "Контакт для прессы", mediaContacts: "Контакты для прессы",
            source: "Источник", embargoedUntil: "Эмбарго до", by: "Автор", pressRelease: "Пресс-релиз",
            pressReleases: "Пресс-релизы", untitled: "Без названия", image: "Изображение", contents: "Содержание",
            landmarks: "Ориентиры", cover: "Обложка", titlePage: "Титульная страница", startOfText: "Начало текста",
            months: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                     "ноября", "декабря"],
            dayPattern: .dayMonthYearSuffix("г."), colon: ":"),
        "it": ReleaseTerms(
            language: "it", mediaContact: "Contatto stampa", mediaContacts: "Contatti stampa", source: "Fonte",
            embargoedUntil: "Embargo fino al", by: "Di", pressRelease: "Comunicato stampa",
            pressReleases: "Comunicati stampa", untitled: "Senza titolo", image: "Immagine", contents: "Indice",
            landmarks: "Punti di riferimento", cover: "Copertina", titlePage: "Frontespizio",
            startOfText: "Inizio del testo",
            months: ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                     "ottobre", "novembre", "dicembre"],
            dayPattern: .dayMonthYear, colon: ":"),
        "nl": ReleaseTerms(
            language: "nl", mediaContact: "Perscontact", mediaContacts: "Perscontacten", source: "Bron",
            embargoedUntil: "Embargo tot", by: "Door", pressRelease: "Persbericht", pressReleases: "Persberichten",
            untitled: "Zonder titel", image: "Afbeelding", contents: "Inhoud", landmarks: "Oriëntatiepunten",
            cover: "Omslag", titlePage: "Titelpagina", startOfText: "Begin van de tekst",
            months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                     "oktober", "november", "december"],
            dayPattern: .dayMonthYear, colon: ":"),
        "pl": ReleaseTerms(
            language: "pl", mediaContact: "Kontakt dla mediów", mediaContacts: "Kontakty dla mediów",
            source: "Źródło", embargoedUntil: "Embargo do", by: "Autor", pressRelease: "Informacja prasowa",
            pressReleases: "Informacje prasowe", untitled: "Bez tytułu", image: "Obraz", contents: "Spis treści",
            landmarks: "Punkty orientacyjne", cover: "Okładka", titlePage: "Strona tytułowa",
            startOfText: "Początek tekstu",
            months: ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                     "października", "listopada", "grudnia"],
            dayPattern: .dayMonthYearSuffix("r."), colon: ":"),
        "pt": ReleaseTerms(
            language: "pt", mediaContact: "Contacto de imprensa", mediaContacts: "Contactos de imprensa",
            source: "Fonte", embargoedUntil: "Embargo até", by: "Por", pressRelease: "Comunicado de imprensa",
            pressReleases: "Comunicados de imprensa", untitled: "Sem título", image: "Imagem", contents: "Índice",
            landmarks: "Pontos de referência", cover: "Capa", titlePage: "Página de rosto",
            startOfText: "Início do texto",
            months: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
                     "outubro", "novembro", "dezembro"],
            dayPattern: .dayDeMonthDeYear, colon: ":"),
        "uk": ReleaseTerms(
            language: "uk", mediaContact: "Контакт для преси", mediaContacts: "Контакти для преси",
            source: "Джерело", embargoedUntil: "Ембарго до", by: "Автор", pressRelease: "Прес-реліз",
            pressReleases: "Прес-релізи", untitled: "Без назви", image: "Зображення", contents: "Зміст",
            landmarks: "Орієнтири", cover: "Обкладинка", titlePage: "Титульна сторінка",
            startOfText: "Початок тексту",
            months: ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
                     "жовтня", "листопада", "грудня"],
            dayPattern: .dayMonthYearSuffix("р."), colon: ":"),
    ]
}
