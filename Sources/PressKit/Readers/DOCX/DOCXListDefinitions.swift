/// `numbering.xml`: for each numbering instance (`w:num`), its abstract definition and level overrides; for
/// each level, whether it is a bullet or an ordered list, its start value and its delimiter.
struct DOCXListDefinitions {
    struct Level {
        var ordered: Bool
        var start: Int
        var delimiter: String
    }

    struct Instance {
        var abstractId: String
        var levels: [Int: Level]
        /// Levels whose start the instance overrides (`w:lvlOverride/w:startOverride`): they restart.
        var restarts: Set<Int>
    }

    private var abstracts: [String: [Int: Level]] = [:]
    private var instances: [String: Instance] = [:]

    init(_ root: XMLTreeElement?) {
        guard let root else { return }
        for a in root.children("abstractNum") {
            guard let id = a.attribute("abstractNumId") else { continue }
            abstracts[id] = Self.levels(a.children("lvl"))
        }
        for n in root.children("num") {
            guard let id = n.attribute("numId"), let abstractId = n.child("abstractNumId")?.attribute("val") else { continue }
            var levels = abstracts[abstractId] ?? [:]
            var restarts: Set<Int> = []
            for o in n.children("lvlOverride") {
                guard let ilvl = o.attribute("ilvl").flatMap({ Int($0) }) else { continue }
                if let lvl = o.child("lvl") {
                    for (k, v) in Self.levels([lvl], defaultLevel: ilvl) { levels[k] = v }
                    restarts.insert(ilvl)
                }
                if let start = o.child("startOverride")?.attribute("val").flatMap({ Int($0) }) {
                    levels[ilvl, default: Level(ordered: true, start: 1, delimiter: ".")].start = start
                    restarts.insert(ilvl)
                }
            }
            instances[id] = Instance(abstractId: abstractId, levels: levels, restarts: restarts)
        }
    }

    func instance(_ numId: String) -> Instance? { instances[numId] }

    private static func levels(_ elements: [XMLTreeElement], defaultLevel: Int = 0) -> [Int: Level] {
        var out: [Int: Level] = [:]
        for lvl in elements {
            let ilvl = lvl.attribute("ilvl").flatMap { Int($0) } ?? defaultLevel
            let format = lvl.child("numFmt")?.attribute("val") ?? "decimal"
            let text = lvl.child("lvlText")?.attribute("val") ?? ""
            let start = lvl.child("start")?.attribute("val").flatMap { Int($0) } ?? 1
            let ordered = !(format == "bullet" || format == "none")
            out[ilvl] = Level(ordered: ordered, start: start, delimiter: text.hasSuffix(")") ? ")" : ".")
        }
        return out
    }
}
