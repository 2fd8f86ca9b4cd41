#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input of a conversion: where its bytes come from, its name in messages and diagnostics, and its
/// format (nil: inferred from the name, else from the content, by `Formats.inputFormat(name:bytes:)`).
public struct ConversionInput: Sendable {
    public enum Source: Sendable {
        /// Bytes already in memory.
        case bytes([UInt8])
        /// A file, read when the conversion runs (refused above `--max-input-size` before it is read).
        case file(String)
        /// Standard input, read to its end when the conversion runs.
        case standardInput
    }

    public var source: Source
    /// The name messages and diagnostics use ("-" for standard input).
    public var name: String
    /// The input format; nil means inferred.
    public var format: Format?

    public init(source: Source, name: String, format: Format? = nil) {
        self.source = source
        self.name = name
        self.format = format
    }

    /// A file, named in messages by its path.
    public static func file(_ path: String, format: Format? = nil) -> ConversionInput {
        path == "-" ? standardInput(format: format) : ConversionInput(source: .file(path), name: path, format: format)
    }

    /// Bytes in memory; `name` (a file name, or "-") is used in messages and, when it has an extension, to
    /// infer the format.
    public static func bytes(_ bytes: [UInt8], name: String = "-", format: Format? = nil) -> ConversionInput {
        ConversionInput(source: .bytes(bytes), name: name, format: format)
    }

    public static func standardInput(format: Format? = nil) -> ConversionInput {
        ConversionInput(source: .standardInput, name: "-", format: format)
    }

    /// The input's bytes; more than `limit` bytes is an invalid input, a missing file "not found".
    public func load(limit: Int) throws -> [UInt8] {
        switch source {
        case .bytes(let bytes):
            if bytes.count > limit {
                throw PressKitError(.invalidInput, "is \(bytes.count) bytes, more than --max-input-size (\(limit))", file: name)
            }
            return bytes
        case .file(let path): return try InputFile.read(path, limit: limit, name: name)
        case .standardInput: return try InputFile.readStandardInput(limit: limit)
        }
    }
}

/// Reading an input file or standard input whole, bounded by a size limit. The pipeline's only file access
/// (readers and writers never open files; resources come through a `ResourceResolver`).
public enum InputFile {
    /// The bytes of the file at `path`; errors name `name` (default: the path).
    public static func read(_ path: String, limit: Int, name: String? = nil) throws -> [UInt8] {
        let shown = name ?? path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw PressKitError(.inputNotFound, "cannot read: \(reason)", file: shown)
        }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR {
                throw PressKitError(.inputNotFound, "is a folder, not a file", file: shown)
            }
            if Int(st.st_size) > limit {
                throw PressKitError(.invalidInput, "is \(st.st_size) bytes, more than --max-input-size (\(limit))", file: shown)
            }
        }
        return try readAll(fd: fd, name: shown, limit: limit, sizeHint: Int(st.st_size))
    }

    public static func readStandardInput(limit: Int) throws -> [UInt8] {
        try readAll(fd: 0, name: "-", limit: limit)
    }

    private static func readAll(fd: Int32, name: String, limit: Int, sizeHint: Int = 0) throws -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(max(min(sizeHint, limit), 4096) + 1)
        // Left uninitialised: only the bytes `read` returns are ever looked at (zero-filling 64 KiB was 1.6 % of a
        // small file's conversion in a batch).
        var chunk = [UInt8](unsafeUninitializedCapacity: 1 << 16) { _, count in count = 1 << 16 }
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
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
}
