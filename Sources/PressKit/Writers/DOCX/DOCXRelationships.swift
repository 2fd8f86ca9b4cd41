/// The relationships of one part (`word/_rels/document.xml.rels`, …): ids are handed out in order of first
/// use, and the same target gets the same id, so the same document always gets the same ids.
struct DOCXRelationships {
    struct Entry {
        var id: String
        var type: String
        var target: String
        var external: Bool
    }

    private(set) var entries: [Entry] = []
    private var byKey: [String: String] = [:]

    /// The id of a relationship of `type` (the last part of the type URI, e.g. "hyperlink") to `target`.
    mutating func id(type: String, target: String, external: Bool = false) -> String {
        let key = type + (external ? " E " : " I ") + target
        if let id = byKey[key] { return id }
        let id = "rId\(entries.count + 1)"
        entries.append(Entry(id: id, type: type, target: target, external: external))
        byKey[key] = id
        return id
    }

    /// The `.rels` part.
    func part() -> String {
        Self.part(entries)
    }

    static func part(_ entries: [Entry]) -> String {
        var xml = XMLWriter(declaration: true)
        xml.open("Relationships", [("xmlns", DOCXNamespace.packageRelationships)])
        for entry in entries {
            let type = entry.type.contains("://") ? entry.type : DOCXNamespace.relationshipType + entry.type
            xml.element("Relationship", [("Id", entry.id), ("Type", type), ("Target", entry.target),
                                         ("TargetMode", entry.external ? "External" : nil)])
        }
        return xml.finish()
    }

    /// A link target as a URI a relationship may hold: spaces, non-ASCII and other characters that are
    /// not allowed in a URI are percent-encoded (existing `%XX` escapes are kept).
    static func uriEscaped(_ target: String) -> String {
        let allowed: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%".utf8))
        var out = ""
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in target.utf8 {
            if allowed.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%"
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 15)]))
            }
        }
        return out
    }
}
