/// Elements a sighted reader never sees although the page's markup does not say `hidden`: text for screen
/// readers only (`sr-only`, `visually-hidden`, `element-invisible`, `screen-reader-text`…) and the usual
/// CSS framework classes that hide an element (`hidden`, `hide`, `d-none`, `is-hidden`). Whole class
/// tokens only: `hidden-xs` (hidden on small screens only) and `unhide` stay.
enum ScreenReaderText {
    private static let classes: Set<String> = [
        "sr-only", "sr-only-focusable", "screen-reader-text", "screen-reader-only", "screenreader-only",
        "screenreader", "show-for-sr", "visually-hidden", "visuallyhidden", "u-visually-hidden",
        "is-visually-hidden", "visually-hidden-focusable", "element-invisible", "element-hidden", "a11y-hidden",
        "offscreen", "off-screen", "assistive-text", "hidden", "hide", "is-hidden", "d-none", "invisible",
        "hidden-visually", "sr-text",
    ]
    /// Byte strings one of which every class above contains: most class attributes are rejected by one scan
    /// (class names are matched in lower case: `SR-Only` is not a class any framework defines).
    private static let quickCheck = SubstringSet(["sr", "hid", "invisible", "screen", "assistive", "none"])

    /// Whether element `i` carries one of the hiding classes.
    static func isHidden(_ dom: HTMLDOM, _ i: Int) -> Bool {
        guard let value = dom.attribute(.class, of: i), value.utf8.count >= 2 else { return false }
        guard value.hasAnySubstring(quickCheck) else { return false }
        for token in value.fastLowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
        where classes.contains(String(token)) {
            return true
        }
        return false
    }
}
