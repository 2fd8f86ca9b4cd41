/// Builds XML (and XHTML/HTML) text with correct escaping. All markup output goes through this type:
/// no string concatenation of tags elsewhere.
public struct XMLWriter {
    public private(set) var output: String = ""
    private var stack: [String] = []
    private var openTag = false
    /// HTML mode writes void elements as `<br />` and empty non-void elements as `<p></p>`;
    /// XML mode writes empty elements as `<x/>`.
    public var html: Bool

    public init(html: Bool = false, declaration: Bool = false) {
        self.html = html
        if declaration { output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
    }

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    /// Opens an element. Attributes with nil values are left out; order is kept.
    public mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        closeOpenTag()
        output += "<"
        output += name
        for (key, value) in attributes {
            guard let value else { continue }
            output += " "
            output += key
            output += "=\""
            Self.escape(value, attribute: true, into: &output)
            output += "\""
        }
        stack.append(name)
        openTag = true
    }

    /// Closes the innermost open element.
    public mutating func close() {
        guard let name = stack.popLast() else { return }
        if openTag {
            openTag = false
            if html {
                if Self.voidElements.contains(name) { output += " />" } else { output += "></"; output += name; output += ">" }
            } else {
                output += "/>"
            }
            return
        }
        output += "</"
        output += name
        output += ">"
    }

    /// An element with text content (or empty).
    public mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text: String? = nil) {
        open(name, attributes)
        if let text { self.text(text) }
        close()
    }

    /// Escaped character data.
    public mutating func text(_ string: String) {
        closeOpenTag()
        Self.escape(string, attribute: false, into: &output)
    }

    /// Markup written as is: only for content already known to be well-formed in this output.
    public mutating func raw(_ markup: String) {
        closeOpenTag()
        output += markup
    }

    /// A newline between elements, for readability.
    public mutating func newline() {
        closeOpenTag()
        output += "\n"
    }

    public var depth: Int { stack.count }

    /// Closes every element still open and returns the text.
    public mutating func finish() -> String {
        while !stack.isEmpty { close() }
        return output
    }

    private mutating func closeOpenTag() {
        if openTag {
            output += ">"
            openTag = false
        }
    }

    /// Escapes `&`, `<`, `>`, and in attributes `"`; drops characters XML 1.0 forbids.
    public static func escape(_ string: String, attribute: Bool, into out: inout String) {
        var needs = false
        // 0xEF leads the UTF-8 of U+FFFE and U+FFFF, which XML forbids.
        for u in string.utf8 where u == 38 || u == 60 || u == 62 || u == 34 || u < 32 || u == 0xEF { needs = true; break }
        if !needs {
            out += string
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
    }

    public static func escape(_ string: String, attribute: Bool = false) -> String {
        var out = ""
        escape(string, attribute: attribute, into: &out)
        return out
    }
}
