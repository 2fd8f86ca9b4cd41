import Synchronization

/// The DOCX parts that depend on nothing but the document language (styles, settings) or on nothing at all
/// (font table, package relationships; the footnotes, numbering, relationships and content types of a document
/// without notes, lists, links and media),
/// as UTF-8 bytes, built once per process per language: a batch used to build each part as a `String` and
/// convert it to bytes for every file. Each part is made by the same function as before, which is pure in
/// its input, so the bytes are the same with or without the cache. Bounded: at most `maxLanguages`
/// languages are kept; others are built afresh each time.
final class DOCXConstantParts: Sendable {
    static let shared = DOCXConstantParts()
    static let maxLanguages = 32

    struct LanguageParts: Sendable {
        var styles: [UInt8]
        var settings: [UInt8]
    }

    private let byLanguage = Mutex([String: LanguageParts]())

    /// `word/styles.xml` and `word/settings.xml` of the built-in styles for a document language.
    func parts(language: String) -> LanguageParts {
        if let known = byLanguage.withLock({ $0[language] }) { return known }
        let built = LanguageParts(styles: Array(DOCXStyles.part(language: language).utf8),
                                  settings: Array(DOCXPackage.settings(language: language).utf8))
        byLanguage.withLock { cache in
            if cache[language] == nil, cache.count < Self.maxLanguages { cache[language] = built }
        }
        return built
    }

    static let fontTable: [UInt8] = Array(DOCXPackage.fontTable().utf8)
    static let packageRelationships: [UInt8] = Array(DOCXPackage.packageRelationships().utf8)
    static let footnotesWithoutNotes: [UInt8] = Array(DOCXPackage.footnotes(notes: "").utf8)
    /// `word/numbering.xml` of a document without lists.
    static let numberingWithoutLists: [UInt8] = Array(DOCXNumbering().part().utf8)
    /// `word/_rels/document.xml.rels` of a document relating to nothing but the fixed parts (no links, no images).
    static let fixedDocumentRelationships: [UInt8] = {
        var relationships = DOCXRelationships()
        for (type, target) in DOCXPackage.fixedDocumentParts { _ = relationships.id(type: type, target: target) }
        return Array(relationships.part().utf8)
    }()
    static let contentTypesWithoutMedia: [UInt8] = Array(DOCXPackage.contentTypes(media: []).utf8)
}
