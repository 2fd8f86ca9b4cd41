/// Raw OpenXML fragments (`raw(format: "openxml")`) are passed through only when they are well-formed
/// WordprocessingML that refers to no relationship; anything else is dropped with a warning by the caller.
enum DOCXRawXML {
    static func wellFormedBlock(_ text: String) -> String? {
        check(text, wrapper: "w:body")
    }

    static func wellFormedInline(_ text: String) -> String? {
        check(text, wrapper: "w:p")
    }

    private static func check(_ text: String, wrapper: String) -> String? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty, !trimmed.contains("<?"), !trimmed.contains("<!"), !trimmed.contains("r:") else { return nil }
        var xml = XMLWriter(declaration: true)
        xml.open(wrapper, DOCXNamespace.wordRoot)
        xml.raw(trimmed)
        let document = xml.finish()
        return XMLWellFormedness.check(Array(document.utf8)) ? trimmed : nil
    }
}
