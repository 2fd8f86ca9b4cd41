/// Repairs UTF-8 text that was decoded once too often as Windows-1252 or Latin-1 ("mojibake"):
/// `firearmsâ€™` → `firearms’`, `GrÃ¼ÃŸe` → `Grüße`, stray C1 controls included (`â\u{80}\u{99}` → `’`).
/// Only runs of non-ASCII characters that re-encode to a valid multi-byte UTF-8 sequence are replaced, so
/// correct text ("für", "Привет", "naïve — ok") is never touched.
enum Mojibake {
    /// Windows-1252's characters at 0x80–0x9F (0 where the code page has none).
    private static let cp1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
    private static let reverse: [UInt32: UInt8] = {
        var r: [UInt32: UInt8] = [:]
        for (i, v) in cp1252.enumerated() where v != 0 { r[v] = UInt8(0x80 + i) }
        return r
    }()

    /// The byte a character stood for before the wrong decoding, if it can be one.
    private static func byte(_ s: Unicode.Scalar) -> UInt8? {
        if s.value >= 0x80 && s.value <= 0xFF { return UInt8(s.value) }
        return reverse[s.value]
    }

    /// `text` with its mojibake runs repaired; `text` itself when there is nothing to repair.
    static func repair(_ text: String) -> String {
        // Mojibake of UTF-8 always starts with a lead byte shown as Â–ô (0xC2–0xF4).
        guard text.unicodeScalars.contains(where: { $0.value >= 0xC2 && $0.value <= 0xF4 }) else { return text }
        var out = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        var changed = false
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            guard run.count >= 2 else { out.append(contentsOf: run); return }
            let bytes = run.compactMap(byte)
            if bytes.count == run.count, bytes.contains(where: { $0 >= 0xC2 && $0 <= 0xF4 }),
               let decoded = decodeStrict(bytes), decoded.unicodeScalars.count < run.count, isPlausible(decoded) {
                out.append(contentsOf: decoded.unicodeScalars)
                changed = true
            } else {
                out.append(contentsOf: run)
            }
        }
        for s in text.unicodeScalars {
            if s.value >= 0x80 { run.append(s) } else { flush(); out.append(s) }
        }
        flush()
        return changed ? String(out) : text
    }

    /// Whether repaired characters are what mojibake usually hides: Latin letters, punctuation, currency,
    /// Greek, Cyrillic, Hebrew, Arabic, symbols and emoji; East Asian text only as two characters or more
    /// ("é\u{A0}»", correct French, would otherwise "repair" to one CJK character).
    private static func isPlausible(_ decoded: String) -> Bool {
        var wide = 0
        for s in decoded.unicodeScalars where s.value >= 0x80 {
            switch s.value {
            case 0x80...0x06FF, 0x1E00...0x1EFF, 0x2000...0x2BFF, 0xFB00...0xFB4F, 0xFE00...0xFE0F, 0x1F000...0x1FAFF:
                continue
            case 0x3000...0x9FFF, 0xAC00...0xD7AF, 0xFF00...0xFFEF:
                wide += 1
            default:
                return false
            }
        }
        return wide != 1
    }

    /// The bytes as UTF-8 when they are valid UTF-8 with at least one multi-byte character, else nil.
    private static func decodeStrict(_ bytes: [UInt8]) -> String? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalars.append(s)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        return String(scalars)
    }
}

extension Mojibake {
    /// Whether `text` holds a lead byte's character followed by a continuation byte's (`Ã¼`, `â€`): the
    /// mark of mojibake; a cheap scan without allocation.
    static func mayNeedRepair(_ text: String) -> Bool {
        // A lead byte's character (U+00C2–U+00F4) is written C3 82–C3 B4 in UTF-8: without a 0xC3 byte there is none.
        guard ByteScan.contains(0xC3, inUTF8: text) else { return false }
        var lead = false
        for s in text.unicodeScalars {
            if lead, let b = byte(s), b >= 0x80, b <= 0xBF { return true }
            lead = s.value >= 0xC2 && s.value <= 0xF4
        }
        return false
    }

    /// Repairs every text node and attribute value of a page.
    static func repair(_ dom: inout HTMLDOM) {
        for i in dom.nodes.indices where dom.nodes[i].isText && mayNeedRepair(dom.nodes[i].text) {
            dom.nodes[i].text = repair(dom.nodes[i].text)
        }
        for i in dom.attributeValues.indices where mayNeedRepair(dom.attributeValues[i]) {
            dom.attributeValues[i] = repair(dom.attributeValues[i])
        }
    }
}
