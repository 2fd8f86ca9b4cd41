/// The character formatting of a run that the tree can carry, resolved from direct formatting and
/// character styles.
struct DOCXRunFormat: Hashable {
    var bold = false
    var italic = false
    var underline = false
    var strike = false
    var superscript = false
    var `subscript` = false
    var smallCaps = false
    /// A code character style (Verbatim Char, Source Code, HTML Code …).
    var code = false
    /// A monospace font (Courier, Consolas …): code when it covers whole words.
    var monospace = false

    static let plain = DOCXRunFormat()

    /// Applies the toggles of an `rPr` element over this format.
    mutating func apply(_ rPr: XMLTreeElement) {
        for child in rPr.elements {
            switch child.name {
            case "b": bold = Self.on(child)
            case "i": italic = Self.on(child)
            case "strike", "dstrike": strike = Self.on(child)
            case "smallCaps": smallCaps = Self.on(child)
            case "u":
                let v = child.attribute("val") ?? "single"
                underline = v != "none" && v != "0" && v != "false"
            case "vertAlign":
                let v = child.attribute("val") ?? "baseline"
                superscript = v == "superscript"
                `subscript` = v == "subscript"
            case "rFonts":
                let font = (child.attribute("ascii") ?? child.attribute("hAnsi") ?? "").fastLowercased()
                if !font.isEmpty { monospace = Self.monospaceFonts.contains { font.hasPrefix($0) } }
            default: break
            }
        }
    }

    /// A toggle property: on unless `w:val` is false/0/off/none.
    static func on(_ e: XMLTreeElement) -> Bool {
        guard let v = e.attribute("val")?.fastLowercased() else { return true }
        return !(v == "false" || v == "0" || v == "off" || v == "none")
    }

    static let monospaceFonts = ["courier", "consolas", "menlo", "monaco", "lucida console", "lucida sans typewriter",
                                 "source code", "dejavu sans mono", "liberation mono", "noto mono", "noto sans mono",
                                 "ubuntu mono", "fira code", "fira mono", "inconsolata", "andale mono", "cascadia",
                                 "jetbrains mono", "roboto mono", "sf mono", "monospace", "ocr a", "pt mono"]
}
