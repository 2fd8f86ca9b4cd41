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
        if path == "-" { return try readAll(fd: 0, name: path, limit: limit) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw PressKitError(.inputNotFound, "cannot read: \(reason)", file: path)
        }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR {
                throw PressKitError(.inputNotFound, "is a folder, not a file", file: path)
            }
            if Int(st.st_size) > limit {
                throw PressKitError(.invalidInput, "is \(st.st_size) bytes, more than --max-input-size (\(limit))", file: path)
            }
        }
        return try readAll(fd: fd, name: path, limit: limit, sizeHint: Int(st.st_size))
    }

    private static func readAll(fd: Int32, name: String, limit: Int, sizeHint: Int = 0) throws -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(max(sizeHint, 4096) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PressKitError(.inputNotFound, "cannot read: \(String(cString: strerror(errno)))", file: name)
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit {
                throw PressKitError(.invalidInput, "is more than --max-input-size (\(limit) bytes)", file: name)
            }
        }
        return bytes
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
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in base.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            let tag = "~" + String(hash, radix: 16)
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
