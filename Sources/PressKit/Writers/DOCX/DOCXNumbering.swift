/// The lists of one DOCX document: each list in the tree becomes its own `w:num` (so numbering restarts for
/// every list and honours its start number) over one of three abstract definitions.
struct DOCXNumbering {
    enum Kind: Int {
        case bullet = 0, decimalPeriod = 1, decimalParen = 2
    }

    private struct Instance {
        var kind: Kind
        var level: Int
        var start: Int
    }

    private var instances: [Instance] = []

    /// The deepest level WordprocessingML has (0...8).
    static let maxLevel = 8

    /// A new list at `level`: returns its `w:numId`.
    mutating func newList(_ kind: Kind, level: Int, start: Int) -> Int {
        instances.append(Instance(kind: kind, level: min(max(level, 0), Self.maxLevel), start: max(start, 0)))
        return instances.count
    }

    var isEmpty: Bool { instances.isEmpty }

    private typealias N = DOCXNode

    private static let bullets = ["\u{2022}", "\u{25E6}", "\u{25AA}"]

    private static func abstractNum(_ kind: Kind) -> DOCXNode {
        var levels: [DOCXNode] = []
        for level in 0...maxLevel {
            let left = 720 * (level + 1)
            let numFmt: String
            let text: String
            switch kind {
            case .bullet:
                numFmt = "bullet"
                text = bullets[level % bullets.count]
            case .decimalPeriod:
                numFmt = "decimal"
                text = "%\(level + 1)."
            case .decimalParen:
                numFmt = "decimal"
                text = "%\(level + 1))"
            }
            var lvl = N("w:lvl", ["w:ilvl": String(level)], [
                .val("w:start", "1"), .val("w:numFmt", numFmt), .val("w:lvlText", text), .val("w:lvlJc", "left"),
                N("w:pPr", [:], [N("w:ind", ["w:left": String(left), "w:hanging": "360"])]),
            ])
            if kind == .bullet {
                lvl.children.append(N("w:rPr", [:], [
                    N("w:rFonts", ["w:ascii": DOCXStyles.bodyFont, "w:hAnsi": DOCXStyles.bodyFont, "w:hint": "default"]),
                ]))
            }
            levels.append(lvl)
        }
        let nsid = ["5A1F0B01", "5A1F0B02", "5A1F0B03"][kind.rawValue]
        return N("w:abstractNum", ["w:abstractNumId": String(kind.rawValue)],
                 [.val("w:nsid", nsid), .val("w:multiLevelType", "hybridMultilevel")] + levels)
    }

    /// The three list definitions rendered from nodes: what the literal `abstractNumMarkup` holds (tested).
    static func renderedAbstractNumMarkup() -> String {
        var xml = XMLWriter()
        for kind in [Kind.bullet, .decimalPeriod, .decimalParen] { abstractNum(kind).write(into: &xml) }
        return xml.finish()
    }

    /// The whole `word/numbering.xml`.
    func part() -> String {
        var xml = XMLWriter(declaration: true)
        xml.open("w:numbering", [("xmlns:w", DOCXNamespace.w)])
        xml.raw(Self.abstractNumMarkup)
        for (index, instance) in instances.enumerated() {
            var num = N("w:num", ["w:numId": String(index + 1)], [.val("w:abstractNumId", String(instance.kind.rawValue))])
            if instance.kind != .bullet {
                num.children.append(N("w:lvlOverride", ["w:ilvl": String(instance.level)],
                                      [.val("w:startOverride", String(instance.start))]))
            }
            num.write(into: &xml)
        }
        return xml.finish()
    }
}
