/// What the HTML reader knows about element names beyond their tags (`HTMLTag`: block, dropped, skipped,
/// heading level).
enum HTMLElementKinds {
    /// ARIA roles of page furniture.
    static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
        "menubar", "toolbar", "tablist", "alert", "status",
    ]
}
