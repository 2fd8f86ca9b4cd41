/// Recognises contact blocks ("Media contact", "Press contact:", "Contact:", "Media Relations",
/// "Pressekontakt", "Contact presse", "Contacto de prensa", "Контакты для СМИ" …) and splits their lines into
/// contacts: name, role, organization, e-mail, phone.
enum ContactParser {
    static let labels = Set(labelList)

    /// The labels as written (a plain array: what needs only their first words reads these, not the set).
    static let labelList: [String] = [
        "media contact", "media contacts", "press contact", "press contacts", "contact", "contacts",
        "media relations", "media inquiries", "media enquiries", "press inquiries", "press enquiries",
        "for media inquiries", "for media enquiries", "for more information", "for further information",
        "for more information, contact", "for more information, please contact", "investor contact",
        "investor contacts", "investor relations", "press office", "contact information", "contact details",
        "pressekontakt", "pressekontakte", "medienkontakt", "kontakt", "ansprechpartner", "ansprechpartnerin",
        "kontakt für medien", "kontakt für journalisten", "für rückfragen", "rückfragen",
        "contact presse", "contacts presse", "contact média", "contacts médias", "contact médias",
        "contacto", "contactos", "contacto de prensa", "contactos de prensa", "contacto para medios",
        "contacto con medios", "контакты", "контакт", "контакты для сми", "пресс-служба",
        "контактная информация", "для сми", "контакты для прессы",
        "media contact information", "press contact information", "media relations contact", "press office contact",
        "presseanfragen", "kontakt für presseanfragen", "ansprechpartner für die presse", "ansprechpartner presse",
        "ihr ansprechpartner", "ihre ansprechpartnerin", "ihre ansprechpartner", "medienkontakte", "medienanfragen",
        "relations presse", "relations médias", "service de presse", "contact médias",
        "contacto para prensa", "gabinete de prensa", "contacto con la prensa",
        "contatto stampa", "contatti stampa", "ufficio stampa", "per la stampa",
        "perscontact", "perscontacten", "persvoorlichting", "contactpersoon",
        "kontakt dla mediów", "kontakt dla prasy", "kontakt prasowy", "biuro prasowe",
        "contato para imprensa", "contato de imprensa", "contacto para a imprensa", "contactos de imprensa",
        "assessoria de imprensa", "контакти для змі", "контакти", "прес-служба",
    ]

    /// The longest label, in UTF-8 bytes.
    static let longestLabel = labels.map(\.utf8.count).max() ?? 0

    /// If `line` is a contact label, the text after it ("Media contact: Jane Doe" → "Jane Doe"; "" when the
    /// label stands alone); nil if it is not a label.
    static func labelRemainder(_ line: String) -> String? {
        guard line.utf8.count <= 200 else { return nil }
        if let reading = asciiLabelRemainder(line) { return reading }
        let trimmed = line.trimmingSpaces()
        // Cheap checks on bytes first: lower-casing shrinks UTF-8 at most threefold (the Kelvin sign to "k"),
        // so a text of more than three times the longest label's bytes (colons aside) is no label; and
        // with no colon byte there is no colon Character.
        var colons = 0
        for byte in trimmed.utf8 where byte == UInt8(ascii: ":") { colons += 1 }
        if trimmed.utf8.count - colons <= 3 * longestLabel {
            let bare = trimmed.trimmingCharacters(":").fastLowercased()
            if labels.contains(bare) { return "" }
        }
        guard colons > 0, let colon = trimmed.firstIndex(of: ":") else { return nil }
        let label = trimmed[..<colon].trimmingSpaces().fastLowercased()
        guard labels.contains(label) else { return nil }
        return trimmed[trimmed.index(after: colon)...].trimmingSpaces()
    }

    /// `labelRemainder` for a line of ASCII only, read on its bytes (nil: the line is not ASCII). For ASCII,
    /// white space is one byte of tab…carriage return or space, and lower-casing is per byte, so this is the
    /// Character-level reading without walking Characters (held to it by `FastPathEquivalenceTests`).
    /// The first bytes of the labels.
    private static let labelFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for label in labels { if let first = label.utf8.first { table[Int(first)] = true } }
        return table
    }()

    static func asciiLabelRemainder(_ line: String) -> String?? {
        var line = line
        return line.withUTF8 { b -> String?? in
            guard ASCIIText.isASCII(b) else { return nil }
            func trimmed(_ lo: Int, _ hi: Int, colons: Bool = false) -> Range<Int> {
                var lo = lo, hi = hi
                while lo < hi, ASCIIText.isSpace(b[lo]) || (colons && b[lo] == UInt8(ascii: ":")) { lo += 1 }
                while hi > lo, ASCIIText.isSpace(b[hi - 1]) || (colons && b[hi - 1] == UInt8(ascii: ":")) { hi -= 1 }
                return lo..<hi
            }
            let line = trimmed(0, b.count)
            var colons = 0
            for i in line where b[i] == UInt8(ascii: ":") { colons += 1 }
            // A label is looked up only when its first byte starts one (most lines start no label).
            func isLabel(_ r: Range<Int>) -> Bool {
                if let first = r.first, !labelFirstBytes[Int(ASCIIText.lowercased(b[first]))] { return false }
                return labels.contains(ASCIIText.lowercased(b[r]))
            }
            if line.count - colons <= 3 * longestLabel, isLabel(trimmed(line.lowerBound, line.upperBound, colons: true)) {
                return .some("")
            }
            guard colons > 0, let colon = b[line].firstIndex(of: UInt8(ascii: ":")),
                  isLabel(trimmed(line.lowerBound, colon)) else { return .some(nil) }
            return .some(String(decoding: b[trimmed(colon + 1, line.upperBound)], as: UTF8.self))
        }
    }

    /// Whether a block's lines read as contact details (short lines, an address, a phone or e-mail).
    static func looksLikeContact(_ lines: [String]) -> Bool {
        guard !lines.isEmpty, lines.count <= 12 else { return false }
        var hasReach = false
        for line in lines {
            if line.unicodeScalars.count > 120 { return false }
            if line.fastLowercased().hasPrefix("about ") { return false }
            if email(in: line) != nil || phone(in: line) != nil { hasReach = true }
        }
        if hasReach { return true }
        return lines.count >= 2 && lines.allSatisfy { $0.unicodeScalars.count <= 60 && !$0.hasSuffix(".") }
    }

    /// The contacts in a contact block's lines. A new contact starts at a plain line once the current one
    /// already has a phone or e-mail.
    static func contacts(_ lines: [String]) -> [Contact] {
        // Each line split at commas ("Jane Doe, Head of Communications, +49 30 1234"), remembering its line.
        var pieces: [(piece: String, line: Int)] = []
        var texts: [String] = []
        for line in lines {
            let t = line.trimmingSpaces()
            if t.isEmpty { continue }
            for piece in splitOnSeparators(t) { pieces.append((piece, texts.count)) }
            texts.append(t)
        }
        var result: [Contact] = []
        var current = Contact()
        var currentLines: [String] = []
        var lastLine = -1
        func finish() {
            if current != Contact() {
                current.text = currentLines.joined(separator: "\n")
                result.append(current)
            }
            current = Contact()
            currentLines = []
            lastLine = -1
        }
        for (piece, line) in pieces {
            defer {
                if line != lastLine { currentLines.append(texts[line]); lastLine = line }
            }
            // "Investors:" / "Media:" over a person: a new contact, and what they are for.
            if piece.hasSuffix(":"), piece.count <= 40, email(in: piece) == nil {
                finish()
                current.role = piece.trimmingCharacters(":")
                continue
            }
            let value = stripFieldLabel(piece)
            if let mail = email(in: piece), value.count <= mail.count + 2 || current.email == nil {
                if current.email != nil { finish() }
                current.email = mail
            } else if let number = phone(in: value) {
                // A fax number is no phone number: it stays in the contact's text only.
                if current.phone == nil, !isFax(piece) { current.phone = number }
            } else if value.hasPrefix("http") || value.fastLowercased().hasPrefix("www.") {
                // A web address belongs to the organisation; kept in the text.
            } else if isRole(value) {
                if current.phone != nil || current.email != nil, current.role != nil { finish() }
                // "Head of Communications, Lumenvale Inc.": a role and an organisation on one line.
                var role = value, organization: String?
                if let comma = value.lastIndex(of: ","), isOrganization(String(value[value.index(after: comma)...])) {
                    role = value[..<comma].trimmingSpaces()
                    organization = value[value.index(after: comma)...].trimmingSpaces()
                }
                if current.role == nil || current.name == nil && current.email == nil && current.phone == nil {
                    current.role = current.role.map { $0 + ", " + role } ?? role
                } else if current.organization == nil {
                    current.organization = value
                }
                if let organization, current.organization == nil { current.organization = organization }
            } else if isOrganization(value) {
                if current.organization == nil { current.organization = value }
            } else if current.name == nil, looksLikeName(value) {
                current.name = value
            } else if (current.phone != nil || current.email != nil), looksLikeName(value) {
                finish()
                current.name = value
            } else if current.organization == nil, !value.contains("@") {
                current.organization = value
            }
        }
        finish()
        return result
    }

    private static func splitOnSeparators(_ line: String) -> [String] {
        // "Helix Robotics, Inc.": a legal suffix stays with its name.
        var merged: [String] = []
        for part in fields(line) where !part.isEmpty {
            let key = part.fastLowercased().trimmingCharacters(".")
            if let last = merged.last, legalSuffixes.contains(key) {
                merged[merged.count - 1] = last + ", " + part
            } else {
                merged.append(part)
            }
        }
        return merged
    }

    /// A line cut at its field separators, each piece trimmed (empty pieces kept).
    static func fields(_ line: String) -> [String] {
        // "Marie Dupont – 06 12 34 56 78 – marie@example.org": a spaced dash separates fields too. (A Character
        // match is a byte match: the byte search rules most lines out cheaply.)
        var line = line
        for dash in [" – ", " — "] where line.hasSubstring(dash) && line.contains(dash) {
            line = line.replacing(dash, with: ", ")
        }
        return simpleFields(line) ?? characterFields(line)
    }

    /// `fields`' cuts on the bytes of simple text without a carriage return (`SimpleText`: each Character is
    /// one scalar there, so the separators , ; | • · are found as their bytes); nil for other text.
    static func simpleFields(_ line: String) -> [String]? {
        var line = line
        return line.withUTF8 { u -> [String]? in
            guard !ByteScan.contains(13, in: UnsafeRawBufferPointer(u)), SimpleText.isSimple(u) else { return nil }
            var parts: [String] = []
            var start = 0, i = 0
            while i < u.count {
                let b = u[i]
                var width = 0
                if b == 44 || b == 59 || b == 124 {
                    width = 1
                } else if b == 0xC2, i + 1 < u.count, u[i + 1] == 0xB7 {
                    width = 2  // U+00B7 middle dot
                } else if (b == 0xCD && i + 1 < u.count && u[i + 1] == 0xBE) || (b == 0xCE && i + 1 < u.count && u[i + 1] == 0x87) {
                    width = 2  // U+037E and U+0387, the same Characters as ";" and "·" (canonical equivalents)
                } else if b == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0xA2 {
                    width = 3  // U+2022 bullet
                }
                if width == 0 { i += 1; continue }
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: u[start..<i]), as: UTF8.self).trimmingSpaces())
                i += width
                start = i
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: u[start..<u.count]), as: UTF8.self).trimmingSpaces())
            return parts
        }
    }

    /// `fields`' cuts Character by Character.
    static func characterFields(_ line: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for c in line {
            if c == "," || c == ";" || c == "|" || c == "\u{2022}" || c == "\u{00B7}" {
                parts.append(current.trimmingSpaces())
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimmingSpaces())
        return parts
    }

    private static let legalSuffixes: Set<String> = ["inc", "ltd", "llc", "llp", "corp", "co", "gmbh", "ag", "s.a", "sa",
                                                     "plc", "n.v", "b.v", "s.l", "e.v", "a/s", "oy", "ab", "pty"]

    static let fieldLabels: Set<String> = [
        "e-mail", "email", "mail", "e", "tel", "tel.", "phone", "telephone", "t", "m", "mobile", "mob", "mob.", "cell",
        "fon", "telefon", "tél", "tél.", "téléphone", "teléfono", "móvil", "тел", "тел.", "телефон", "моб",
        "эл. почта", "fax", "handy", "mobil", "courriel", "telefax", "mobiel", "telefoon", "telefone", "correo",
        "correo electrónico", "mél",
    ]

    /// "Tel.: +49 …" → "+49 …".
    /// Also a label without a colon when a number or address follows: "Telefon +49 30 1234567",
    /// "Tel. 030 1234", "E-Mail presse@example.gov".
    static func stripFieldLabel(_ piece: String) -> String {
        // Where each byte is a Character, the byte search finds the Character search's index.
        let oneByte = ASCIIText.isOneByteCharacters(piece)
        func first(_ character: Character, _ byte: UInt8) -> String.Index? {
            oneByte ? piece.utf8.firstIndex(of: byte) : piece.firstIndex(of: character)
        }
        if let colon = first(":", 58), piece.distance(from: piece.startIndex, to: colon) <= 12 {
            let label = piece[..<colon].trimmingSpaces().fastLowercased()
            if fieldLabels.contains(label) { return piece[piece.index(after: colon)...].trimmingSpaces() }
        }
        guard let space = first(" ", 32), piece.distance(from: piece.startIndex, to: space) <= 12 else {
            return piece
        }
        let label = piece[..<space].fastLowercased()
        guard fieldLabels.contains(label) || fieldLabels.contains(label.trimmingCharacters(".")) else { return piece }
        let rest = piece[piece.index(after: space)...].trimmingSpaces()
        guard let first = rest.unicodeScalars.first,
              first == "+" || first == "(" || (first.value >= 48 && first.value <= 57) || rest.contains("@") else {
            return piece
        }
        return rest
    }

    private static func isFax(_ piece: String) -> Bool {
        let p = piece.fastLowercased()
        return p.hasPrefix("fax") || p.hasPrefix("telefax") || p.hasPrefix("f:") || p.hasPrefix("f.")
    }

    /// The first e-mail address in `text`.
    static func email(in text: String) -> String? {
        guard text.contains("@") else { return nil }
        for inline in Autolinker.inlines(text) {
            if case .link(let link) = inline, link.target.hasPrefix("mailto:") { return String(link.target.dropFirst(7)) }
        }
        return nil
    }

    /// A phone number: the piece (after its label) made of digits, spaces and `+()-./`, with 6 to 16 digits.
    static func phone(in text: String) -> String? {
        guard text.utf8.count <= 60 else { return nil }
        let value = stripFieldLabel(text).trimmingSpaces()
        guard let first = value.unicodeScalars.first, first == "+" || first == "(" || (first.value >= 48 && first.value <= 57)
        else { return nil }
        var digits = 0
        for c in value.unicodeScalars {
            switch c {
            case "0"..."9": digits += 1
            case " ", "+", "(", ")", "-", ".", "/", "\u{00A0}", "\u{2013}", "e", "x", "t", "E", "X", "T": continue
            default: return nil
            }
        }
        return (6...16).contains(digits) ? value : nil
    }

    private static let roleWords: Set<String> = [
        "manager", "director", "officer", "spokesperson", "spokesman", "spokeswoman", "communications",
        "pr", "editor", "coordinator", "specialist", "president", "chief", "lead", "advisor", "adviser",
        "associate", "executive", "secretary", "sprecher", "sprecherin", "leiter", "leiterin", "referent",
        "referentin", "pressestelle", "pressesprecher", "pressesprecherin", "kommunikation", "responsable",
        "chargé", "chargée", "attaché", "attachée", "portavoz", "directora", "jefe", "jefa", "пресс-секретарь",
        "руководитель", "начальник", "специалист", "пресс-служба", "директор",
    ]
    private static let rolePhrases: Set<String> = ["head of", "press secretary", "public relations", "media relations"]

    private static let organizationWords: Set<String> = [
        "inc", "ltd", "llc", "corp", "corporation", "gmbh", "ag", "se", "plc", "s.a", "sa", "e.v", "university",
        "universität", "université", "universidad", "университет", "ministry", "ministerium", "ministère",
        "ministerio", "министерство", "institute", "institut", "instituto", "foundation", "stiftung", "fondation",
        "fundación", "association", "verband", "agency", "agentur", "group", "gruppe", "company", "department",
        "college", "council", "network", "coalition", "alliance", "office", "ооо", "зао", "оао", "пао",
        "stadt", "gemeinde", "landkreis", "stadtverwaltung", "senat", "senate", "parliament", "parlament",
        "bundestag", "landtag", "polizei", "police", "municipality", "county", "mairie", "ville", "ayuntamiento",
        "comune", "gemeente", "miasto", "urząd", "commission", "kommission", "bureau",
    ]
    private static let organizationPhrases: Set<String> = ["press office", "school of", "faculty of", "city of"]
    /// Endings of German compound names of organisations ("Bundesministerium", "Umweltbundesamt").
    private static let organizationEndings = ["ministerium", "bundesamt", "landesamt", "behörde", "verband", "stiftung",
                                              "verwaltung", "gesellschaft", "stadtwerke", "institut", "klinikum", "kammer"]

    /// The lower-cased words of a field, without surrounding punctuation.
    static func words(_ value: String) -> [String] {
        ASCIIText.isOneByteCharacters(value) ? asciiWords(value) : characterWords(value)
    }

    /// `words` on the bytes of text whose bytes are its Characters: cut at space , ; /, trimmed of ( ) . : ;
    /// " ' and white space, lower-cased.
    static func asciiWords(_ value: String) -> [String] {
        var value = value
        return value.withUTF8 { u -> [String] in
            func cuts(_ b: UInt8) -> Bool { b == 32 || b == 44 || b == 59 || b == 47 }
            func trimmed(_ b: UInt8) -> Bool {
                ASCIIText.isSpace(b) || b == 40 || b == 41 || b == 46 || b == 58 || b == 59 || b == 34 || b == 39
            }
            var out: [String] = []
            var i = 0
            while i < u.count {
                var end = i
                while end < u.count, !cuts(u[end]) { end += 1 }
                var s = i, e = end
                while s < e, trimmed(u[s]) { s += 1 }
                while e > s, trimmed(u[e - 1]) { e -= 1 }
                if s < e { out.append(ASCIIText.lowercased(u[s..<e])) }
                i = end + 1
            }
            return out
        }
    }

    /// `words` Character by Character.
    static func characterWords(_ value: String) -> [String] {
        value.fastLowercased().split { $0 == " " || $0 == "," || $0 == ";" || $0 == "/" }
            .map { String($0).trimmingCharacters("().:;\"'«»") }.filter { !$0.isEmpty }
    }

    private static func matches(_ value: String, _ single: Set<String>, _ phrases: Set<String>) -> Bool {
        let w = words(value)
        for (i, word) in w.enumerated() {
            if single.contains(word) { return true }
            if i + 1 < w.count, phrases.contains(word + " " + w[i + 1]) { return true }
        }
        return false
    }

    private static func isRole(_ value: String) -> Bool { matches(value, roleWords, rolePhrases) }

    private static func isOrganization(_ value: String) -> Bool {
        if matches(value, organizationWords, organizationPhrases) { return true }
        return words(value).contains { word in organizationEndings.contains { word.hasSuffix($0) && word.count > $0.count + 2 } }
    }

    /// Two to five words, each starting with a capital letter (particles such as "van", "de" allowed).
    private static func looksLikeName(_ value: String) -> Bool {
        let words = value.split(separator: " ")
        guard (1...5).contains(words.count), value.count <= 50 else { return false }
        let particles: Set<String> = ["van", "von", "de", "der", "den", "la", "le", "da", "di", "del", "y", "bin", "al"]
        for w in words {
            guard let f = w.first else { continue }
            if f.isNumber { return false }
            if !f.isUppercase && !particles.contains(w.fastLowercased()) { return false }
        }
        return true
    }
}
