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
            let type = hasSchemeSeparator(entry.type) ? entry.type : DOCXNamespace.relationshipType + entry.type
            xml.element("Relationship", [("Id", entry.id), ("Type", type), ("Target", entry.target),
                                         ("TargetMode", entry.external ? "External" : nil)])
        }
        return xml.finish()
    }

    /// Whether a relationship type is a whole URI (holds "://"; the types are ASCII), looked for on bytes.
    static func hasSchemeSeparator(_ type: String) -> Bool {
        let bytes = Array(type.utf8)
        guard bytes.count >= 3 else { return false }
        for i in 0...(bytes.count - 3) where bytes[i] == UInt8(ascii: ":") && bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "/") {
            return true
        }
        return false
    }

    /// A link target as a URI a relationship may hold: spaces, non-ASCII and other characters that are
    /// not allowed in a URI are percent-encoded; existing `%XX` escapes are kept, a stray `%` is encoded;
    /// `[` and `]` stay only around an IPv6 host.
    static func uriEscaped(_ target: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        let bytes = Array(target.utf8)
        // The authority (host) part, where an IPv6 literal keeps its brackets.
        var hostRange = 0..<0
        if let scheme = bytes.firstIndex(of: UInt8(ascii: ":")), bytes[scheme...].starts(with: Array("://".utf8)) {
            let start = scheme + 3
            let end = bytes[start...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.count
            hostRange = start..<end
        }
        func isHex(_ b: UInt8) -> Bool { (48...57).contains(b) || (65...70).contains(b) || (97...102).contains(b) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for (i, byte) in bytes.enumerated() {
            let keep: Bool
            if byte == UInt8(ascii: "%") {
                keep = i + 2 < bytes.count && isHex(bytes[i + 1]) && isHex(bytes[i + 2])
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") {
                keep = hostRange.contains(i)
            } else {
                keep = byte < 128 && uriAllowed[Int(byte)]
            }
            if keep {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The ASCII bytes a URI keeps as they are (unreserved and reserved characters), indexed by byte.
    private static let uriAllowed: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=".utf8 {
            table[Int(byte)] = true
        }
        return table
    }()
}
