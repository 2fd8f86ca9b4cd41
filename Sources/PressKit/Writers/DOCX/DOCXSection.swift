/// Page setup: `w:pgSz` and `w:pgMar` of the body's section, and the text width they leave.
struct DOCXSection {
    /// Attributes of `w:pgSz` and `w:pgMar` (twips), in the order written.
    var pageSize: [(String, String)]
    var margins: [(String, String)]

    /// US Letter for US-style locales, A4 elsewhere; 1.25-inch side margins on Letter leave a 6-inch column.
    static func standard(language: String) -> DOCXSection {
        let region = language.split(separator: "-").dropFirst().first.map { $0.uppercased() }
        let letter = ["US", "CA", "MX", "PH", "CL", "CO", "VE"].contains(region ?? "")
        if letter {
            return DOCXSection(pageSize: [("w:w", "12240"), ("w:h", "15840")],
                               margins: [("w:top", "1440"), ("w:right", "1800"), ("w:bottom", "1440"), ("w:left", "1800"),
                                         ("w:header", "720"), ("w:footer", "720"), ("w:gutter", "0")])
        }
        return DOCXSection(pageSize: [("w:w", "11906"), ("w:h", "16838")],
                           margins: [("w:top", "1417"), ("w:right", "1417"), ("w:bottom", "1134"), ("w:left", "1417"),
                                     ("w:header", "708"), ("w:footer", "708"), ("w:gutter", "0")])
    }

    private func value(_ list: [(String, String)], _ key: String) -> Int? {
        list.first { $0.0 == key }.flatMap { Int($0.1) }
    }

    /// The width between the margins, in EMU (635 EMU per twip); 6 inches when the setup is unreadable.
    var textWidth: Int {
        guard let width = value(pageSize, "w:w") else { return 6 * DOCXImageInfo.emuPerInch }
        let twips = width - (value(margins, "w:left") ?? 0) - (value(margins, "w:right") ?? 0) - (value(margins, "w:gutter") ?? 0)
        return twips >= 720 ? twips * 635 : 6 * DOCXImageInfo.emuPerInch
    }

    func write(into xml: inout XMLWriter) {
        xml.open("w:sectPr")
        xml.element("w:pgSz", pageSize.map { ($0.0, Optional($0.1)) })
        xml.element("w:pgMar", margins.map { ($0.0, Optional($0.1)) })
        xml.element("w:cols", [("w:space", "720")])
        xml.close()
    }
}
