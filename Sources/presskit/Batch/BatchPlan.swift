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
            return Target(format: format, fileExtension: format.outputExtension)
        }
    }

    /// `a/b.md` → `a/b.docx`: the last extension of the last component is replaced (or added; `.x.gz` counts as one).
    static func outputPath(for input: String, fileExtension: String) -> String {
        // On UTF-8 bytes: String's Character indexing costs a grapheme scan per step.
        let bytes = Array(input.utf8)
        let nameStart = bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        var stem = bytes[...]
        if let dot = bytes[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart {
            stem = bytes[..<dot]
            // `crawl.warc.gz` → `crawl.json`: a compressed file's own extension goes with the `.gz`.
            if bytes[(dot + 1)...].elementsEqual("gz".utf8),
               let inner = bytes[nameStart..<dot].lastIndex(of: UInt8(ascii: ".")), inner != nameStart {
                stem = bytes[..<inner]
            }
        }
        return String(decoding: stem, as: UTF8.self) + "." + fileExtension
    }

    func outputs(for input: String) -> [String] {
        targets.map { Self.outputPath(for: input, fileExtension: $0.fileExtension) }
    }

    /// Finds every conflict among `files` (all of them, not only this shard's).
    /// `inputBehindOutput` maps an output path to the input path it would overwrite, if outputs can land
    /// inside the source folder (the output folder is the source folder or contains it).
    mutating func findConflicts(in files: [WalkedFile], inputBehindOutput: ((String) -> String?)?) {
        // Outputs are keyed by a 64-bit hash of their bytes (compact and fast for 100,000s of files), checked
        // against the real bytes on every hit. Not by String: Swift's String equality treats canonically
        // equivalent names (NFC "é" and NFD "e\u{301}") as equal, but the file system keeps them apart.
        var writers = OutputIndex()
        var sharers: [Int: [(other: Int, output: String)]] = [:]
        var folders = OutputIndex()
        for (index, file) in files.enumerated() {
            guard case .input = file.kind else { continue }
            for output in outputs(for: file.path) {
                let bytes = Array(output.utf8)
                if let first = writers.insert(bytes, value: index) {
                    sharers[first, default: []].append((index, output))
                    sharers[index, default: []].append((first, output))
                }
                var slash = bytes.lastIndex(of: UInt8(ascii: "/"))
                while let cut = slash {
                    guard folders.insert(Array(bytes[..<cut]), value: index) == nil else { break }
                    slash = bytes[..<cut].lastIndex(of: UInt8(ascii: "/"))
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

/// A map from paths (UTF-8 bytes) to the first value stored for them, keyed by FNV-1a 64 with the bytes
/// kept for checking; the rare different path with an equal hash goes to an exact overflow table.
struct OutputIndex {
    private var byHash: [UInt64: (bytes: [UInt8], value: Int)] = [:]
    private var overflow: [[UInt8]: Int] = [:]

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        FNV1a.hash64(bytes)
    }

    /// Stores `value` for `bytes` unless present; returns the value already stored, if any.
    mutating func insert(_ bytes: [UInt8], value: Int) -> Int? {
        let key = Self.hash(bytes)
        guard let existing = byHash[key] else {
            byHash[key] = (bytes, value)
            return nil
        }
        if existing.bytes == bytes { return existing.value }
        if let other = overflow[bytes] { return other }
        overflow[bytes] = value
        return nil
    }

    func contains(_ bytes: [UInt8]) -> Bool {
        if let existing = byHash[Self.hash(bytes)], existing.bytes == bytes { return true }
        return overflow[bytes] != nil
    }
}
