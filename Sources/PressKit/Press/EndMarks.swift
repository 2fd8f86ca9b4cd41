/// The marks that end a press release ("###", "-30-", "- END -", "-ends-", "Ende"). Shared by the plain-text
/// reader (an end mark is never a list item or heading) and the press-release pass (which removes them).
public enum EndMarks {
    /// Whether `line` (trimmed or not) is nothing but an end mark.
    public static func isEndMark(_ line: some StringProtocol) -> Bool {
        // Cheap rejection first: end marks are short.
        guard line.utf8.count <= 24 else { return false }
        var key = ""
        for scalar in line.unicodeScalars {
            switch scalar {
            case " ", "\t", "-", "\u{2013}", "\u{2014}", "\u{2012}", "*", "(", ")", "[", "]", "_", ".", "\u{00A0}":
                continue
            default:
                key.unicodeScalars.append(scalar)
            }
        }
        switch key.fastLowercased() {
        case "###", "#", "##", "####", "30", "end", "ends", "ende", "fin", "конец", "endofrelease", "endofpressrelease":
            // A lone "-" or "#" is not a mark; "30" only with its dashes ("-30-").
            if key == "30" { return line.contains("-") }
            if key == "#" || key == "##" { return false }
            if key.fastLowercased() == "end" || key.fastLowercased() == "ends" || key.fastLowercased() == "ende"
                || key.fastLowercased() == "fin" || key.fastLowercased() == "конец" {
                // "END" on its own line or with dashes; but a sentence "End." is not.
                return !line.contains(".")
            }
            return true
        default:
            return false
        }
    }
}
