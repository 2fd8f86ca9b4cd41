/// Block-level content. Writers switch over every case with no `default:`.
public indirect enum Block: Hashable, Sendable {
    case paragraph([Inline])
    /// A heading of level 1...6; `id` is an optional anchor.
    case heading(level: Int, content: [Inline], id: String?)
    case bulletList(ListBlock)
    case orderedList(ListBlock)
    case blockQuote([Block])
    /// Preformatted text; `language` is the info string's first word, if any.
    case codeBlock(language: String?, text: String)
    case table(Table)
    case figure(Figure)
    case thematicBreak
    /// A definition list: terms with one or more definitions.
    case definitionList([DefinitionItem])
    /// A fragment in a named format (e.g. "html") that writers of that format pass through.
    case raw(format: String, text: String)
    /// A generic container (an HTML `div`, a `section`); `role` names what it is, if known.
    case division(role: String?, blocks: [Block])
}

/// A bullet or ordered list. `start` matters only for ordered lists.
public struct ListBlock: Hashable, Sendable {
    public var items: [ListItem]
    /// Tight lists render their paragraphs without spacing (CommonMark's notion).
    public var tight: Bool
    public var start: Int
    /// The ordered-list delimiter, "." or ")".
    public var delimiter: String

    public init(items: [ListItem], tight: Bool = true, start: Int = 1, delimiter: String = ".") {
        self.items = items
        self.tight = tight
        self.start = start
        self.delimiter = delimiter
    }
}

public struct ListItem: Hashable, Sendable {
    public var blocks: [Block]
    /// For task lists: `true` checked, `false` unchecked, `nil` not a task.
    public var checked: Bool?

    public init(blocks: [Block], checked: Bool? = nil) {
        self.blocks = blocks
        self.checked = checked
    }
}

public struct DefinitionItem: Hashable, Sendable {
    public var term: [Inline]
    public var definitions: [[Block]]

    public init(term: [Inline], definitions: [[Block]]) {
        self.term = term
        self.definitions = definitions
    }
}
