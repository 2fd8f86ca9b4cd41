/// Builds XML (and XHTML/HTML) text with correct escaping: the HTML page shell, every EPUB file and every
/// DOCX part are written with it. It is a markup builder, not a `Writer` (a format). The HTML body renderer
/// (`HTMLBodyRenderer`) is the one exception: for speed it appends its own markup, escaped by `HTMLEscaping`,
/// which the builder then takes as raw text.
public struct XMLWriter {
    /// The markup so far, as UTF-8 bytes (appending bytes is cheaper than appending to a String).
    private var bytes: [UInt8] = []
    private var stack: [String] = []
    private var openTag = false
    /// HTML mode writes void elements as `<br />` and empty non-void elements as `<p></p>`;
    /// XML mode writes empty elements as `<x/>`.
    public var html: Bool

    public init(html: Bool = false, declaration: Bool = false) {
        self.html = html
        bytes.reserveCapacity(4096)
        if declaration { append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
    }

    /// Whether nothing has been written (`finish()` would give "").
    var isEmpty: Bool { bytes.isEmpty && stack.isEmpty }

    /// The markup written so far (elements still open are not closed).
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    /// Opens an element. Attributes with nil values are left out; order is kept.
    public mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        closeOpenTag()
        bytes.append(UInt8(ascii: "<"))
        append(name)
        for (key, value) in attributes {
            guard let value else { continue }
            bytes.append(UInt8(ascii: " "))
            append(key)
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            Self.escape(value, attribute: true, into: &bytes)
            bytes.append(UInt8(ascii: "\""))
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
                if Self.voidElements.contains(name) { append(" />") } else { append("></"); append(name); bytes.append(UInt8(ascii: ">")) }
            } else {
                append("/>")
            }
            return
        }
        append("</")
        append(name)
        bytes.append(UInt8(ascii: ">"))
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
        Self.escape(string, attribute: false, into: &bytes)
    }

    /// Markup written as is: only for content already known to be well-formed in this output.
    public mutating func raw(_ markup: String) {
        closeOpenTag()
        append(markup)
    }

    /// A newline between elements, for readability.
    public mutating func newline() {
        closeOpenTag()
        bytes.append(UInt8(ascii: "\n"))
    }

    public var depth: Int { stack.count }

    /// Closes every element still open and hands over the UTF-8 bytes without copying them; the writer is
    /// left empty. For large parts (a DOCX `document.xml` is 1.5× the text it holds), where each copy counts.
    mutating func finishBytes() -> [UInt8] {
        while !stack.isEmpty { close() }
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        return taken
    }

    /// Markup bytes written as they are (see `raw(_:)`), with room reserved for `reserve` more bytes after them.
    mutating func raw(bytes markup: [UInt8], reserve: Int = 0) {
        closeOpenTag()
        bytes.reserveCapacity(bytes.count + markup.count + reserve)
        bytes.append(contentsOf: markup)
    }

    /// Closes every element still open and returns the text.
    public mutating func finish() -> String {
        while !stack.isEmpty { close() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func closeOpenTag() {
        if openTag {
            bytes.append(UInt8(ascii: ">"))
            openTag = false
        }
    }

    private mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Escapes `&`, `<`, `>`, and in attributes `"`; drops characters XML 1.0 forbids.
    public static func escape(_ string: String, attribute: Bool, into out: inout String) {
        var bytes: [UInt8] = []
        escape(string, attribute: attribute, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static let ampersand = Array("&amp;".utf8)
    static let lessThan = Array("&lt;".utf8)
    static let greaterThan = Array("&gt;".utf8)
    static let quote = Array("&quot;".utf8)

    /// The same, appending UTF-8 bytes. Works on the bytes: the string is valid UTF-8, and every character
    /// replaced or dropped is ASCII except U+FFFE and U+FFFF (EF BF BE, EF BF BF).
    static func escape(_ string: String, attribute: Bool, into out: inout [UInt8]) {
        var string = string
        string.withUTF8 { utf8 in
            var needs = false
            for u in utf8 where u == 38 || u == 60 || u == 62 || u == 34 || u < 32 || u == 0xEF { needs = true; break }
            if !needs {
                out.append(contentsOf: utf8)
                return
            }
            var i = 0
            let n = utf8.count
            while i < n {
                let u = utf8[i]
                switch u {
                case 38: out.append(contentsOf: ampersand)
                case 60: out.append(contentsOf: lessThan)
                case 62: out.append(contentsOf: greaterThan)
                case 34 where attribute: out.append(contentsOf: quote)
                case 9, 10, 13: out.append(u)
                case 0..<32: break
                case 0xEF where i + 2 < n && utf8[i + 1] == 0xBF && (utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF):
                    i += 3
                    continue
                default: out.append(u)
                }
                i += 1
            }
        }
    }

    public static func escape(_ string: String, attribute: Bool = false) -> String {
        var bytes: [UInt8] = []
        escape(string, attribute: attribute, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
