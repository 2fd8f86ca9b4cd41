import PressKit
#if canImport(Glibc)
import Glibc
#endif

/// Where a stream's results go: standard output or a file (written under a temporary name and renamed
/// at the end, so never half-written), each record's line written at once; or one file per record in a
/// folder, named from its id. Failures and warnings go to standard error, naming the input and the record.
final class StreamSink: @unchecked Sendable {
    private let fd: Int32
    private let path: String?
    private let temporary: String?
    private let folder: String?
    private let fileExtension: String
    private var usedNames = UniqueNames()
    /// Records that failed.
    private(set) var failures = 0

    init(path: String?, folder: String?, target: Format) throws {
        self.path = path
        self.folder = folder
        fileExtension = target.extensions.first ?? target.name
        if let folder {
            try FileSystem.makeDirectories(folder)
            fd = -1
            temporary = nil
        } else if let path, !FileSystem.writesInPlace(path) {
            let temp = FileSystem.temporaryName(for: path)
            fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if fd < 0 {
                let reason = errno == ENOENT ? "no such folder" : String(cString: strerror(errno))
                throw PressKitError(.output, "cannot write: \(reason)", file: path)
            }
            temporary = temp
        } else if let path {
            fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
            if fd < 0 { throw PressKitError(.output, "cannot write: \(String(cString: strerror(errno)))", file: path) }
            temporary = nil
        } else {
            fd = 1
            temporary = nil
        }
    }

    /// Reports and writes one record's outcome (called in input order, one at a time).
    func write(_ outcome: StreamConverter.Outcome, name: String, quiet: Bool) {
        let place = outcome.position == .whole ? name : "\(name): \(outcome.position)"
        if !quiet {
            for warning in outcome.warnings { Diagnostics.write("presskit: warning: \(place): \(warning)\n") }
        }
        if let error = outcome.error {
            failures += 1
            Diagnostics.write("presskit: \(place): \(error)\n")
        }
        if let folder {
            guard outcome.error == nil else { return }
            let file = folder + "/" + fileName(outcome)
            do {
                try FileSystem.writeAtomically(outcome.output, to: file)
            } catch let error as PressKitError {
                fail(error)
            } catch {
                fail(PressKitError(.output, "\(error)", file: file))
            }
            return
        }
        emit(outcome.output)
    }

    /// A file name from the record's id (or its place in the input), made safe and unique.
    private func fileName(_ outcome: StreamConverter.Outcome) -> String {
        var base: String
        if let id = outcome.info.id ?? outcome.info.warcRecordId {
            base = String(id.unicodeScalars.map { scalar -> Character in
                let ok = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                    || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_" || scalar == "."
                return ok ? Character(scalar) : "_"
            }.prefix(200))
            while base.hasPrefix(".") { base.removeFirst() }
        } else {
            switch outcome.position {
            case .line(let n): base = "line-\(n)"
            case .offset(let n): base = "record-\(n)"
            case .whole: base = "record"
            }
        }
        if base.isEmpty { base = "record" }
        return usedNames.claim(base + "." + fileExtension, from: 2) { "\(base)-\($0).\(fileExtension)" }
    }

    private func emit(_ bytes: [UInt8]) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure == EPIPE { exit(0) } // the reader went away (`| head`): stop quietly
        if failure != 0 {
            fail(PressKitError(.output, "cannot write: \(String(cString: strerror(failure)))", file: path ?? "<stdout>"))
        }
    }

    /// An output that cannot be written ends the stream.
    private func fail(_ error: PressKitError) {
        if let temporary { unlink(temporary) }
        Diagnostics.error(error.description)
        exit(error.exitCode)
    }

    /// Puts a file output in place.
    func close() throws {
        guard let path, let temporary else {
            if fd > 2 { Glibc.close(fd) }
            return
        }
        if Glibc.close(fd) != 0 || rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PressKitError(.output, "cannot write: \(reason)", file: path)
        }
    }

    /// Drops a file output after a fatal error.
    func abandon() {
        if let temporary {
            Glibc.close(fd)
            unlink(temporary)
        }
    }
}
