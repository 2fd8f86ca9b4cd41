/// The parts of a .docx the reader uses, parsed with `XMLReader` from one `ZipReader`: the main document
/// (found through `_rels/.rels`), its relationships, styles, numbering, notes and properties. External
/// relationships are kept as strings and never fetched.
struct DOCXSourcePackage {
    let zip: ZipReader
    /// The main document part's path, e.g. `word/document.xml`.
    let documentPath: String
    let document: XMLTreeElement
    /// Relationship id → target, of the main document (internal targets resolved to archive paths).
    let relationships: [String: DOCXRelationship]
    let styles: DOCXStyleSheet
    let numbering: DOCXListDefinitions
    /// Footnote and endnote id → the note's element.
    let footnotes: [String: XMLTreeElement]
    let endnotes: [String: XMLTreeElement]
    let footnoteRelationships: [String: DOCXRelationship]
    let endnoteRelationships: [String: DOCXRelationship]
    let core: XMLTreeElement?
    let custom: XMLTreeElement?

    init(_ zip: ZipReader) throws {
        self.zip = zip
        _ = try zip.entries()  // a damaged archive or too many entries: said now, plainly
        let rootRels = try Self.relationships(zip, of: "")
        let main = rootRels.values.first { $0.type.hasSuffix("/officeDocument") && !$0.external }?.target
        var path = main ?? "word/document.xml"
        if !zip.contains(path) { path = "word/document.xml" }
        guard zip.contains(path) else {
            throw PressKitError(.invalidInput, "is a zip archive but not a Word document (no word/document.xml)")
        }
        documentPath = path
        document = try Self.part(zip, path)!
        let rels = try Self.relationships(zip, of: path)
        relationships = rels
        func target(_ suffix: String, _ fallback: String) -> String {
            rels.values.first { $0.type.hasSuffix(suffix) && !$0.external }?.target ?? fallback
        }
        let dir = Self.directory(path)
        let footnotesPath = target("/footnotes", dir + "footnotes.xml")
        let endnotesPath = target("/endnotes", dir + "endnotes.xml")
        let footnotesRoot = try Self.part(zip, footnotesPath)
        let endnotesRoot = try Self.part(zip, endnotesPath)
        footnotes = Self.notes(footnotesRoot, "footnote")
        endnotes = Self.notes(endnotesRoot, "endnote")
        let stylesPath = target("/styles", dir + "styles.xml")
        let used = DOCXStyleSheet.referencedStyles(in: [document, footnotesRoot, endnotesRoot].compactMap { $0 })
        styles = try DOCXStyleSheet.read(zip, path: stylesPath, used: used)
        numbering = DOCXListDefinitions(try Self.part(zip, target("/numbering", dir + "numbering.xml")))
        footnoteRelationships = zip.contains(footnotesPath) ? try Self.relationships(zip, of: footnotesPath) : [:]
        endnoteRelationships = zip.contains(endnotesPath) ? try Self.relationships(zip, of: endnotesPath) : [:]
        let corePath = rootRels.values.first { $0.type.hasSuffix("/core-properties") && !$0.external }?.target ?? "docProps/core.xml"
        let customPath = rootRels.values.first { $0.type.hasSuffix("/custom-properties") && !$0.external }?.target ?? "docProps/custom.xml"
        core = try? Self.part(zip, corePath)
        custom = try? Self.part(zip, customPath)
    }

    /// The parsed part at `path`, nil when the archive has none.
    static func part(_ zip: ZipReader, _ path: String) throws -> XMLTreeElement? {
        guard let bytes = try zip.entry(path) else { return nil }
        return try XMLReader.parse(bytes, name: path)
    }

    /// The folder of a part, with its trailing slash ("" at the top).
    static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// The relationships of the part at `path` ("" for the package's own `_rels/.rels`).
    static func relationships(_ zip: ZipReader, of path: String) throws -> [String: DOCXRelationship] {
        let dir = directory(path)
        let file = path.isEmpty ? "" : String(path.dropFirst(dir.count))
        let relsPath = dir + "_rels/" + file + ".rels"
        guard let root = try? part(zip, relsPath) else { return [:] }
        var out: [String: DOCXRelationship] = [:]
        for rel in root.children("Relationship") {
            guard let id = rel.attribute("Id"), let target = rel.attribute("Target") else { continue }
            let external = rel.attribute("TargetMode") == "External"
            let resolved = external ? target : resolve(target, from: dir)
            out[id] = DOCXRelationship(type: rel.attribute("Type") ?? "", target: resolved, external: external)
        }
        return out
    }

    /// An internal target relative to `dir` (or absolute from the package root) as an archive path.
    static func resolve(_ target: String, from dir: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : dir.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == "." || piece.isEmpty { continue }
            if piece == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }

    private static func notes(_ root: XMLTreeElement?, _ name: String) -> [String: XMLTreeElement] {
        var out: [String: XMLTreeElement] = [:]
        for note in root?.children(name) ?? [] {
            let type = note.attribute("type") ?? "normal"
            guard type == "normal", let id = note.attribute("id") else { continue }
            out[id] = note
        }
        return out
    }
}

/// One relationship: its type URI, its target (an archive path, or a URL when external).
struct DOCXRelationship {
    var type: String
    var target: String
    var external: Bool
}
