/// Raw OpenXML fragments (`raw(format: "openxml")`) are passed through only when they are well-formed
/// WordprocessingML made of the elements that may stand there (paragraphs and tables for a block, runs and
/// hyperlinks for an inline), in WordprocessingML's namespace only, and refer to no relationship. Anything
/// else is dropped with a warning by the caller.
enum DOCXRawXML {
    static func wellFormedBlock(_ text: String) -> String? {
        check(text, wrapper: "w:body", allowed: ["p", "tbl", "sdt", "bookmarkStart", "bookmarkEnd"])
    }

    static func wellFormedInline(_ text: String) -> String? {
        check(text, wrapper: "w:p", allowed: ["r", "hyperlink", "bookmarkStart", "bookmarkEnd"])
    }

    private static func check(_ text: String, wrapper: String, allowed: Set<String>) -> String? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty, !trimmed.contains("<?"), !trimmed.contains("<!"), !trimmed.contains("r:") else { return nil }
        var xml = XMLWriter(declaration: true)
        xml.open(wrapper, [("xmlns:w", DOCXNamespace.w)])
        xml.raw(trimmed)
        let document = xml.finish()
        guard let outline = XMLWellFormedness.outline(Array(document.utf8)),
              !outline.children.isEmpty, !outline.rootHasText,
              outline.children.allSatisfy({ $0.namespace == DOCXNamespace.w && allowed.contains($0.name) }),
              outline.namespaces == [DOCXNamespace.w] else { return nil }
        return trimmed
    }
}
