/// Writes Word documents (WordprocessingML, `.docx`): real Word styles, real lists, tables, hyperlinks,
/// embedded images, footnotes and document properties. Several releases make one document, each on its
/// own page, in date order. The same input always gives the same bytes.
public struct DOCXWriter: Writer {
    public init() {}

    public var libraries: [CLibrary] { [.libzip] }

    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        try write(collection: [document], context: context)
    }

    public func write(collection: [Document], context: ConversionContext) throws -> [UInt8] {
        let documents = collection.isEmpty ? [Document()] : collection
        let order = Self.dateOrder(documents)
        let first = documents[order[0]]
        let language = Self.wordLanguage(first.metadata.language)
        let reference = try context.options.docx.referenceDoc.map { bytes in
            do { return try DOCXReferenceDoc(bytes, context: context) } catch let error as PressKitError {
                throw error.naming(context.options.docx.referenceDocName ?? "--reference-doc")
            }
        }
        let section = reference?.section ?? DOCXSection.standard(language: language)

        let renderer = DOCXRenderer(context: context, styleMap: reference?.styleMap ?? [:], textWidth: section.textWidth)
        renderer.collectBookmarks(documents)
        for (position, index) in order.enumerated() {
            renderer.pendingPageBreak = position > 0
            let own = documents[index].metadata.language.map(Self.wordLanguage) ?? language
            renderer.runLanguage = own == language ? nil : own
            renderer.release(documents[index], index: index, language: own)
        }

        let dates = order.compactMap { documents[$0].metadata.date }.filter { CivilDate.day($0) != nil }
        // Created is the (first) release's date, a fact of the content; modified and the zip entries' times
        // are the package's own timestamps, which SOURCE_DATE_EPOCH fixes first, as in the EPUB writer.
        let created = DOCXDates.timestamp(date: dates.first, sourceDateEpoch: context.options.sourceDateEpoch)
        let modified = context.options.sourceDateEpoch.map { max($0, 0) }
            ?? DOCXDates.timestamp(date: dates.last, sourceDateEpoch: nil)
        var package = DOCXPackage(renderer: renderer, section: section, language: language)
        package.styles = reference.map { Array($0.styles.utf8) } ?? DOCXConstantParts.shared.parts(language: language).styles
        package.properties = DOCXProperties(documents: order.map { documents[$0] }, language: language,
                                            created: created, modified: modified)
        return try package.zip(modificationTime: modified)
    }

    /// Indices of the documents in the one release order (`ReleaseOrder`).
    static func dateOrder(_ documents: [Document]) -> [Int] { ReleaseOrder.indices(documents) }

    /// The language tag Word gets (`w:lang`, `dc:language`): the release's (`LanguageTag`), with the usual
    /// region added to a bare language as Word expects ("en" → "en-US"); en-US when it has none.
    static func wordLanguage(_ language: String?) -> String {
        LanguageTag.normalized(language).map(LanguageTag.withRegion) ?? "en-US"
    }
}
