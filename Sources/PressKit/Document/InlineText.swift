extension Array where Element == Inline {
    /// The plain text of these inlines: what a search index or an `alt` attribute would hold
    /// (`PlainTextProjection.standard`: images as their alt text, notes left out, breaks as spaces).
    public var plainText: String { PlainTextProjection.standard.text(self) }
}

extension Block {
    /// The plain text of a block (`PlainTextProjection.standard`): paragraphs of a quote or division joined
    /// by blank lines, list items and table rows by newlines, table cells by tabs.
    public var plainText: String { PlainTextProjection.standard.text(self) }
}
