import PressKit
import Synchronization

/// The output folder of a batch: creates the mirrored subfolders one level at a time, refusing any that is
/// a symbolic link or a file, so no output ever lands outside the folder, whatever the tree contains.
/// Folders already checked are remembered (shared by the worker threads).
final class OutputFolder: Sendable {
    /// Canonical path of the output folder.
    let root: String
    private let ready = Mutex<Set<[UInt8]>>([])

    init(root: String) {
        self.root = root
    }

    func path(_ relative: String) -> String {
        root + "/" + relative
    }

    /// Makes sure the folder that `relativeFile` goes into exists and is a real folder inside the root.
    func prepare(forFile relativeFile: String) throws {
        guard let slash = relativeFile.lastIndex(of: "/") else { return }
        let folder = relativeFile[..<slash]
        if ready.withLock({ $0.contains(Array(folder.utf8)) }) { return }
        var current = ""
        for part in folder.split(separator: "/") {
            current += current.isEmpty ? String(part) : "/" + part
            let key = Array(current.utf8)
            if ready.withLock({ $0.contains(key) }) { continue }
            try FileSystem.makeRealDirectory(path(current))
            _ = ready.withLock { $0.insert(key) }
        }
    }
}
