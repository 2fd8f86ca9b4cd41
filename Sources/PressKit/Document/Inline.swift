/// Inline content. Writers switch over every case with no `default:`.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case underline([Inline])
    case strikethrough([Inline])
    case superscript([Inline])
    case `subscript`([Inline])
    case code(String)
    case link(Link)
    case image(Image)
    /// A soft line break: a newline in the source that renders as a space.
    case softBreak
    /// A hard line break (`<br>`).
    case lineBreak
    /// A fragment in a named format (e.g. "html").
    case raw(format: String, text: String)
    /// A footnote: its content is placed at the bottom of the page or the end of the document.
    case note([Block])
}

public struct Link: Hashable, Sendable {
    public var target: String
    public var title: String?
    public var content: [Inline]

    public init(target: String, title: String? = nil, content: [Inline]) {
        self.target = target
        self.title = title
        self.content = content
    }
}

public struct Image: Hashable, Sendable {
    public var source: String
    public var alt: String
    public var title: String?
    public var width: Int?
    public var height: Int?

    public init(source: String, alt: String = "", title: String? = nil, width: Int? = nil, height: Int? = nil) {
        self.source = source
        self.alt = alt
        self.title = title
        self.width = width
        self.height = height
    }
}
