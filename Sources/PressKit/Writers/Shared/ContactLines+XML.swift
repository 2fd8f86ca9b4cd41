extension ContactLines {
    /// The contact as one `<p class="contact">`, its lines separated by `<br />`; `part` writes each part
    /// (the HTML page and the EPUB chapters differ only there).
    func render(into xml: inout XMLWriter, part: (inout XMLWriter, Part) -> Void) {
        xml.open("p", [("class", "contact")])
        for (i, line) in lines.enumerated() {
            if i > 0 { xml.element("br") }
            for piece in line { part(&xml, piece) }
        }
        xml.close()
        xml.newline()
    }
}
