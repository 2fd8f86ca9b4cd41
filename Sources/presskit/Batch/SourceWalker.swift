import PressKit
#if canImport(Glibc)
import Glibc
#endif

/// One file found in the source folder.
struct WalkedFile: Sendable {
    enum Kind: Sendable {
        /// To convert, read with `Formats.all[format]`.
        case input(format: Int)
        /// Not converted, and why (unknown extension, a symbolic link leading out, not a regular file).
        case skipped(String)
        /// A folder that could not be read (its files are missing from the batch) or a file that cannot be
        /// converted as it is (a name that is not UTF-8): counts as a failure.
        case unreadable(String)
    }

    /// Relative to the source folder, "/"-separated, never starting with "/" and never containing "." or ".."
    /// components (names come from the folder listings).
    let path: String
    let kind: Kind
}

/// Walks the source folder without recursion (an explicit stack, so deep trees cannot exhaust the stack),
/// keeping only paths: hidden files and folders are left out, the output folder is never entered, symbolic
/// links to folders are never followed and links to files are taken only when they stay inside the source.
struct SourceWalker {
    /// Canonical source folder.
    let root: String
    /// Canonical output folder; its (device, inode) is skipped if met inside the source.
    let outputRoot: String
    /// `-f`: read every file as this format, whatever its extension.
    let forcedFormat: Int?
    /// Collect every regular file's path too (needed when outputs may land inside the source).
    let collectAllFiles: Bool

    struct Result {
        /// Sorted by the bytes of `path`.
        var files: [WalkedFile] = []
        /// Every file, link or other non-folder entry seen (also those skipped), as UTF-8 bytes; only with
        /// `collectAllFiles`.
        var allFiles: Set<[UInt8]> = []
    }

    func walk() -> Result {
        var result = Result()
        let output = Self.identity(outputRoot)
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let handle = opendir(directory) else {
                let reason = String(cString: strerror(errno))
                result.files.append(WalkedFile(path: relative.isEmpty ? "." : relative,
                                               kind: .unreadable("cannot read folder: \(reason)")))
                continue
            }
            while let entry = readdir(handle) {
                let rawName = withUnsafePointer(to: &entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { (String(validatingCString: $0), String(cString: $0)) }
                }
                let shown = rawName.1
                if shown == "." || shown == ".." || shown.hasPrefix(".") { continue }
                let path = relative.isEmpty ? shown : relative + "/" + shown
                guard let name = rawName.0 else {
                    result.files.append(WalkedFile(path: path, kind: .unreadable(
                        "the name is not valid UTF-8: not converted (rename it in UTF-8 to convert it)")))
                    continue
                }
                let full = directory + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) { type = Self.lstatType(full) }
                switch Int32(type) {
                case Int32(DT_DIR):
                    if let output, let me = Self.identity(full), me == output { continue }
                    pending.append(path)
                case Int32(DT_REG):
                    if collectAllFiles { result.allFiles.insert(Array(path.utf8)) }
                    result.files.append(WalkedFile(path: path, kind: classify(name)))
                case Int32(DT_LNK):
                    if collectAllFiles { result.allFiles.insert(Array(path.utf8)) }
                    result.files.append(WalkedFile(path: path, kind: link(full, name: name)))
                default:
                    if collectAllFiles { result.allFiles.insert(Array(path.utf8)) }
                    result.files.append(WalkedFile(path: path, kind: .skipped("not a regular file")))
                }
            }
            closedir(handle)
        }
        result.files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return result
    }

    /// A symbolic link is read only if it leads to a regular file inside the source and outside the output.
    private func link(_ full: String, name: String) -> WalkedFile.Kind {
        guard let target = FileSystem.realPath(full) else { return .skipped("broken symbolic link") }
        guard Paths.isInside(target, root) else { return .skipped("symbolic link leads out of the source folder") }
        if Paths.same(target, outputRoot) || Paths.isInside(target, outputRoot) {
            return .skipped("symbolic link leads into the output folder")
        }
        var st = stat()
        guard stat(target, &st) == 0 else { return .skipped("broken symbolic link") }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return classify(name)
        case S_IFDIR: return .skipped("symbolic link to a folder (not followed)")
        default: return .skipped("not a regular file")
        }
    }

    private func classify(_ name: String) -> WalkedFile.Kind {
        if let forcedFormat { return .input(format: forcedFormat) }
        switch Formats.inputGuess(forName: name) {
        case .readable(let format):
            guard let index = Formats.all.firstIndex(where: { $0.name == format.name }) else { return .skipped("unknown format") }
            return .input(format: index)
        case .notReadable(let format): return .skipped("presskit does not read \(format.name)")
        case .unknown: return .skipped("unknown format")
        }
    }

    private static func lstatType(_ path: String) -> UInt8 {
        var st = stat()
        guard lstat(path, &st) == 0 else { return UInt8(DT_UNKNOWN) }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return UInt8(DT_DIR)
        case S_IFREG: return UInt8(DT_REG)
        case S_IFLNK: return UInt8(DT_LNK)
        default: return UInt8(DT_UNKNOWN)
        }
    }

    struct Identity: Equatable {
        let device: UInt64
        let inode: UInt64
    }

    static func identity(_ path: String) -> Identity? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }
}
