/// The few words the book adds itself (headings of the contents, the contacts, the title page), in the
/// release's language where we have them, English otherwise.
struct EPUBLabels {
    var contents: String
    var landmarks: String
    var cover: String
    var titlePage: String
    var startOfText: String
    var contacts: String
    var source: String
    var embargo: String
    var pressReleases: String
    var pressRelease: String
    var by: String

    static func forLanguage(_ language: String) -> EPUBLabels {
        switch language.lowercased().split(separator: "-").first.map(String.init) ?? "" {
        case "de":
            return EPUBLabels(contents: "Inhalt", landmarks: "Orientierungspunkte", cover: "Titelbild",
                              titlePage: "Titelseite", startOfText: "Textbeginn", contacts: "Pressekontakt",
                              source: "Quelle", embargo: "Sperrfrist", pressReleases: "Pressemitteilungen",
                              pressRelease: "Pressemitteilung",
                              by: "Von")
        case "fr":
            return EPUBLabels(contents: "Table des matières", landmarks: "Repères", cover: "Couverture",
                              titlePage: "Page de titre", startOfText: "Début du texte",
                              contacts: "Contact presse", source: "Source", embargo: "Sous embargo jusqu’au",
                              pressReleases: "Communiqués de presse",
                              pressRelease: "Communiqué de presse", by: "Par")
        case "es":
            return EPUBLabels(contents: "Índice", landmarks: "Puntos de referencia", cover: "Cubierta",
                              titlePage: "Portada", startOfText: "Inicio del texto",
                              contacts: "Contacto de prensa", source: "Fuente", embargo: "Embargo hasta",
                              pressReleases: "Comunicados de prensa",
                              pressRelease: "Comunicado de prensa", by: "Por")
        case "ru":
            return EPUBLabels(contents: "Содержание", landmarks: "Ориентиры", cover: "Обложка",
                              titlePage: "Титульная страница", startOfText: "Начало текста",
                              contacts: "Контакты для прессы", source: "Источник", embargo: "Эмбарго до",
                              pressReleases: "Пресс-релизы",
                              pressRelease: "Пресс-релиз", by: "Автор")
        default:
            return EPUBLabels(contents: "Contents", landmarks: "Landmarks", cover: "Cover",
                              titlePage: "Title page", startOfText: "Start of text", contacts: "Media contacts",
                              source: "Source", embargo: "Embargoed until", pressReleases: "Press releases",
                              pressRelease: "Press release",
                              by: "By")
        }
    }
}
