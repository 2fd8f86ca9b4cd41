import PressKit
#if canImport(Glibc)
import Glibc
#endif

/// The command line's file access: reading inputs, writing outputs atomically, standard output.
enum FileSystem {
    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Whether two paths name the same existing file.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// Modification time in nanoseconds, or nil if the file does not exist.
    static func modificationTime(_ path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
    }

    /// The bytes of a file, or of standard input for "-". Refuses more than `limit` bytes.
    static func readInput(_ path: String, limit: Int) throws -> [UInt8] {
        path == "-" ? try InputFile.readStandardInput(limit: limit) : try InputFile.read(path, limit: limit)
    }

    /// The temporary name an output is written under before it is renamed into place:
    /// `.NAME.presskit-tmp-PID` beside it. When that would pass the file system's 255-byte limit on a name,
    /// NAME is cut (on a character boundary) and a hash of the whole name keeps it unique.
    static func temporaryName(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        var base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let suffix = ".presskit-tmp-\(getpid())"
        if 1 + base.utf8.count + suffix.utf8.count > 255 {
            let tag = "~" + String(FNV1a.hash64(base.utf8), radix: 16)
            var cut = ""
            for character in base {
                if 1 + cut.utf8.count + character.utf8.count + tag.utf8.count + suffix.utf8.count > 255 { break }
                cut.append(character)
            }
            base = cut + tag
        }
        return "\(dir).\(base)\(suffix)"
    }

    /// Whether an output path is written in place rather than through a temporary file and a rename: an
    /// existing device, FIFO or socket (`/dev/full`, a named pipe), and anything under /dev or /proc
    /// (`/dev/stdout`), where renaming over the name would replace the device instead of writing to it.
    /// A symbolic link elsewhere is replaced, never written through.
    static func writesInPlace(_ path: String) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0 else { return false }
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") { return true }
        let type = st.st_mode & S_IFMT
        return type == S_IFCHR || type == S_IFBLK || type == S_IFIFO || type == S_IFSOCK
    }

    /// Fails (an output error) unless a file can be written at `path`: probes by creating and removing the
    /// temporary file `writeAtomically` would use, so a report that cannot be written is found before any work.
    static func checkWritable(_ path: String, what: String) throws {
        if isDirectory(path) { throw PressKitError(.output, "cannot write \(what): is a folder", file: path) }
        if writesInPlace(path) {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            if fd < 0 { throw PressKitError(.output, "cannot write \(what): \(String(cString: strerror(errno)))", file: path) }
            close(fd)
            return
        }
        let temp = temporaryName(for: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 {
            let reason = errno == ENOENT ? "no such folder" : String(cString: strerror(errno))
            throw PressKitError(.output, "cannot write \(what): \(reason)", file: path)
        }
        close(fd)
        unlink(temp)
    }

    /// Writes to a temporary file beside `path`, then renames it into place: never a half-written output.
    /// Devices and pipes (see `writesInPlace`) are written directly.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let inPlace = writesInPlace(path)
        let temp = inPlace ? path : temporaryName(for: path)
        let fd = inPlace ? open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
                         : open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 {
            let reason = errno == ENOENT ? "no such folder" : String(cString: strerror(errno))
            throw PressKitError(.output, "cannot write: \(reason)", file: path)
        }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure == 0, close(fd) != 0 { failure = errno } else if failure != 0 { close(fd) }
        if inPlace {
            if failure != 0 {
                throw PressKitError(.output, "cannot write: \(String(cString: strerror(failure)))", file: path)
            }
            return
        }
        if failure == 0, rename(temp, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw PressKitError(.output, "cannot write: \(String(cString: strerror(failure)))", file: path)
        }
    }

    /// Writes to standard output. A closed pipe (`| head`) ends the program quietly.
    static func writeStandardOutput(_ bytes: [UInt8]) throws {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(1, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure == EPIPE { exit(0) }
        if failure != 0 {
            throw PressKitError(.output, "cannot write: \(String(cString: strerror(failure)))", file: "<stdout>")
        }
    }

    /// Creates a folder and its parents.
    static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw PressKitError(.output, "cannot create folder: \(String(cString: strerror(errno)))", file: current)
            }
        }
    }

    /// Creates one folder if missing; an existing entry must be a real folder, not a symbolic link or a file
    /// (so a batch never writes through a link planted in its output tree).
    static func makeRealDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 { return }
        let failure = errno
        var st = stat()
        if failure == EEXIST, lstat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return }
            let what = (st.st_mode & S_IFMT) == S_IFLNK ? "is a symbolic link" : "is a file"
            throw PressKitError(.output, "cannot create folder: \(what) (not written through it)", file: path)
        }
        throw PressKitError(.output, "cannot create folder: \(String(cString: strerror(failure)))", file: path)
    }

    /// The canonical absolute path (symbolic links resolved), or nil.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
