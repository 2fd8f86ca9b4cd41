/// Plain text of content nested too deeply to render as structure: the flat plain-text projection
/// (`PlainTextProjection`, every block on its own line, notes left out), which keeps its own stack so that
/// hostile depth (100,000 nested quotes) cannot exhaust the call stack.
enum DOCXFlatText {
    private static let projection = PlainTextProjection(layout: .flat)

    /// The blocks' text, one after the other with nothing between them.
    static func of(_ blocks: [Block]) -> String {
        var out = ""
        for block in blocks { out += projection.text(block) }
        return out
    }

    static func of(_ inlines: [Inline]) -> String { projection.text(inlines) }

    /// Whether the blocks hold a footnote anywhere, however deep.
    static func containsNote(_ blocks: [Block]) -> Bool {
        DocumentWalker.contains(blocks) { node in
            if case .inline(.note) = node { return true }
            return false
        }
    }
}
