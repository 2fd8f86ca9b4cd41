import PressKit

/// The whole batch as paths only: for every walked file its outputs, and the inputs that must fail before
/// anything is converted because of their outputs (two inputs writing the same output, an output that would
/// be a folder of other outputs, an output that would overwrite an input). Every shard computes the full
/// plan, so a conflict is found the same way in every shard and reported by the shard that owns the file.
struct BatchPlan {
    /// An output format and the extension its files get.
    struct Target {
        let format: Format
        let fileExtension: String
    }

    let targets: [Target]
    /// Input index → why it fails before conversion.
    private(set) var conflicts: [Int: String] = [:]

    init(targets: [Format]) {
        var seen = Set<String>()
        self.targets = targets.compactMap { format in
            guard seen.insert(format.name).inserted else { return nil }
            return Target(format: format, fileExtension: format.extensions.first ?? format.name)
        }
    }

    /// `a/b.md` → `a/b.docx`: the last extension of the last component is replaced (or added).
    static func outputPath(for input: String, fileExtension: String) -> String {
        let nameStart = input.lastIndex(of: "/").map { input.index(after: $0) } ?? input.startIndex
        let name = input[nameStart...]
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return String(input[..<dot]) + "." + fileExtension
        }
        return input + "." + fileExtension
    }

    func outputs(for input: String) -> [String] {
        targets.map { Self.outputPath(for: input, fileExtension: $0.fileExtension) }
    }

    /// Finds every conflict among `files` (all of them, not only this shard's).
    /// `inputBehindOutput` maps an output path to the input path it would overwrite, if outputs can land
    /// inside the source folder (the output folder is the source folder or contains it).
    mutating func findConflicts(in files: [WalkedFile], inputBehindOutput: ((String) -> String?)?) {
        // Keys are UTF-8 bytes, not Strings: Swift's String equality treats canonically equivalent names
        // (NFC "é" and NFD "e\u{301}") as equal, but the file system keeps them apart.
        var writer: [[UInt8]: Int] = [:]
        var sharers: [Int: [(other: Int, output: String)]] = [:]
        var folders = Set<[UInt8]>()
        for (index, file) in files.enumerated() {
            guard case .input = file.kind else { continue }
            for output in outputs(for: file.path) {
                let key = Array(output.utf8)
                if let first = writer[key] {
                    sharers[first, default: []].append((index, output))
                    sharers[index, default: []].append((first, output))
                } else {
                    writer[key] = index
                }
                var slash = key.lastIndex(of: UInt8(ascii: "/"))
                while let cut = slash {
                    guard folders.insert(Array(key[..<cut])).inserted else { break }
                    slash = key[..<cut].lastIndex(of: UInt8(ascii: "/"))
                }
            }
        }
        for (index, shared) in sharers {
            let others = Set(shared.map(\.other)).sorted()
            let names = others.prefix(3).map { files[$0].path }.joined(separator: ", ")
            let more = others.count > 3 ? " and \(others.count - 3) more" : ""
            conflicts[index] = "its output \(shared[0].output) would also be written from \(names)\(more); "
                + "none of them is converted (rename one)"
        }
        for (index, file) in files.enumerated() where conflicts[index] == nil {
            guard case .input = file.kind else { continue }
            for output in outputs(for: file.path) {
                if folders.contains(Array(output.utf8)) {
                    conflicts[index] = "its output \(output) would be a folder of other outputs"
                    break
                }
                if let inputBehindOutput, let victim = inputBehindOutput(output) {
                    conflicts[index] = "its output \(output) would overwrite the input \(victim)"
                    break
                }
            }
        }
    }
}
