/// How every writer shows one contact: the one rule for free text vs fields.
///
/// A contact is shown as lines. First come the fields (name, role, organization, e-mail, phone, in that
/// order) that the contact's free text does not already contain; then the free text's lines as written
/// (trimmed, blank lines dropped). A contact read from a contact block keeps its lines as text and its
/// parsed fields beside them, so it shows as written, once; a contact from front matter with fields only
/// shows its fields. Inside the text, the contact's name, e-mail and phone are recognised as parts, so a
/// writer can bold the name and link the address and number wherever they stand.
public struct ContactLines: Hashable, Sendable {
    /// One piece of a line.
    public enum Part: Hashable, Sendable {
        case text(String)
        case name(String)
        case email(String)
        case phone(String)
    }

    public var lines: [[Part]]

    public init(_ contact: Contact) {
        let text = (contact.text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        let whole = text.joined(separator: "\n")
        func field(_ value: String?) -> String? {
            guard let v = value?.trimmingSpaces(), !v.isEmpty else { return nil }
            return v
        }
        var lines: [[Part]] = []
        let name = field(contact.name), email = field(contact.email), phone = field(contact.phone)
        let fields: [(String?, (String) -> Part)] = [
            (name, Part.name), (field(contact.role), Part.text), (field(contact.organization), Part.text),
            (email, Part.email), (phone, Part.phone),
        ]
        for (value, make) in fields {
            guard let value, !Self.contains(whole, value) else { continue }
            lines.append([make(value)])
        }
        // Recognised inside the text: each value at its first place only.
        var marks: [(String, (String) -> Part)] = []
        if let name, Self.contains(whole, name) { marks.append((name, Part.name)) }
        if let email, Self.contains(whole, email) { marks.append((email, Part.email)) }
        if let phone, Self.contains(whole, phone) { marks.append((phone, Part.phone)) }
        for line in text {
            var parts: [Part] = [.text(line)]
            marks.removeAll { mark in
                guard let index = parts.firstIndex(where: { if case .text(let s) = $0 { return Self.contains(s, mark.0) }; return false }),
                      case .text(let s) = parts[index], let range = Self.firstRange(of: mark.0, in: s) else { return false }
                var split: [Part] = []
                if range.lowerBound > s.startIndex { split.append(.text(String(s[..<range.lowerBound]))) }
                split.append(mark.1(mark.0))
                if range.upperBound < s.endIndex { split.append(.text(String(s[range.upperBound...]))) }
                parts.replaceSubrange(index...index, with: split)
                return true
            }
            lines.append(parts)
        }
        self.lines = lines
    }

    /// `haystack.contains(needle)`: on bytes when both are ASCII without "\r" (then every byte is a Character
    /// of its own, so byte and Character matches are the same), else the Character search (about 27,000
    /// instructions a call on a contact's text, most of an EPUB's contact block).
    /// Other text without the needle's bytes is answered on bytes too when the needle is ASCII without "K", ";"
    /// and "`": every other ASCII character has no other canonically equivalent spelling, so a Character match
    /// is also a byte match. (The first Character search of a process also cost 0.23 M instructions of
    /// set-up, the run-time's first look for `Character: Hashable`.)
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        if bytesAreCharacters(needle, haystack) { return ByteScan.firstOffset(of: needle, inUTF8: haystack) != nil }
        if !needle.isEmpty, needle.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x4B && $0 != 0x3B && $0 != 0x60 }),
           ByteScan.firstOffset(of: needle, inUTF8: haystack) == nil {
            return false
        }
        return haystack.contains(needle)
    }

    /// `text.firstRange(of: needle)`, on bytes when both are ASCII without "\r".
    static func firstRange(of needle: String, in text: String) -> Range<String.Index>? {
        if bytesAreCharacters(needle, text) { return ByteScan.firstRange(of: needle, inUTF8: text) }
        return text.firstRange(of: needle)
    }

    /// Whether the byte search applies: a needle, and both texts ASCII without "\r".
    private static func bytesAreCharacters(_ needle: String, _ haystack: String) -> Bool {
        !needle.isEmpty && ASCIIText.isOneByteCharacters(haystack) && ASCIIText.isOneByteCharacters(needle)
    }

    /// The lines as plain text.
    public var plainLines: [String] {
        lines.map { line in
            line.map { part in
                switch part {
                case .text(let s), .name(let s), .email(let s), .phone(let s): return s
                }
            }.joined()
        }
    }

    /// The contact's name, e-mail address and phone number as the lines show them (the first part of each
    /// kind), for formats with typed fields (ninjs `contactinfo`, schema.org `ContactPoint`).
    public var name: String? { first { if case .name(let s) = $0 { return s }; return nil } }
    public var email: String? { first { if case .email(let s) = $0 { return s }; return nil } }
    public var phone: String? { first { if case .phone(let s) = $0 { return s }; return nil } }

    /// The lines without a name, e-mail address or phone number in them (a role, an organisation, an
    /// address, a fax number), as plain text: what a format with typed fields keeps beside them.
    public var otherLines: [String] {
        lines.filter { line in
            line.allSatisfy { if case .text = $0 { return true }; return false }
        }.map { line in
            line.map { if case .text(let s) = $0 { return s }; return "" }.joined()
        }
    }

    private func first(_ value: (Part) -> String?) -> String? {
        for line in lines { for part in line { if let v = value(part) { return v } } }
        return nil
    }
}
