/// The few words the title block and contact block add, in the document's language.
enum DOCXLabels {
    private static func lang(_ tag: String) -> String {
        String(tag.lowercased().prefix { $0 != "-" && $0 != "_" })
    }

    static func contacts(_ language: String, count: Int) -> String {
        switch lang(language) {
        case "de": return count > 1 ? "Pressekontakte" : "Pressekontakt"
        case "fr": return count > 1 ? "Contacts presse" : "Contact presse"
        case "es": return count > 1 ? "Contactos de prensa" : "Contacto de prensa"
        case "ru": return count > 1 ? "Контакты для прессы" : "Контакт для прессы"
        default: return count > 1 ? "Media contacts" : "Media contact"
        }
    }

    static func source(_ language: String) -> String {
        switch lang(language) {
        case "de": return "Quelle:"
        case "fr": return "Source :"
        case "es": return "Fuente:"
        case "ru": return "Источник:"
        default: return "Source:"
        }
    }

    static func embargo(_ language: String) -> String {
        switch lang(language) {
        case "de": return "Sperrfrist bis"
        case "fr": return "Sous embargo jusqu\u{2019}au"
        case "es": return "Embargo hasta el"
        case "ru": return "Эмбарго до"
        default: return "Embargoed until"
        }
    }
}
