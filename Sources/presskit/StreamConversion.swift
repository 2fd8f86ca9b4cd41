import PressKit
#if canImport(Glibc)
import Glibc
#endif

/// Streams: `-f jsonl` and `-f warc` (or `.jsonl`, `.ndjson`, `.warc`, `.warc.gz` inputs, standard input
/// included). Records are read one at a time (a line, a WARC record), converted, and written at once in
/// input order, so memory is bounded by the records in flight and `rdd.pipe`, Hadoop Streaming and
/// `parallel --pipe` see each result as soon as it is done. A record that fails is an error line (and a
/// message on standard error); the stream goes on and the exit status is 1 at the end.
struct StreamConversion {
    enum Kind {
        case jsonl
        case warc
        /// One file of a folder converted to one stream: a record of its own, its id the relative path.
        case file(format: Format, id: String)
    }

    let sources: [(path: String, kind: Kind)]
    let target: Format
    /// Nil: standard output.
    let outputPath: String?
    /// Set when the target is not JSON Lines: one file per record in this folder.
    let outputFolder: String?
    let converter: StreamConverter
    let jobs: Int
    let quiet: Bool

    /// The stream conversion the command asks for, or nil when it is not one.
    init?(inputs: [String], from forced: Format?, targets: [Format], output: String?, options: ConversionOptions,
          quiet: Bool, jobs: Int?) throws {
        var kinds: [Kind?] = []
        var paths = inputs.isEmpty ? ["-"] : inputs
        if inputs.count == 1, FileSystem.isDirectory(inputs[0]),
           let folderSources = try Self.folderSources(inputs[0], from: forced, targets: targets, output: output) {
            paths = folderSources.map(\.path)
            kinds = folderSources.map(\.kind)
        }
        for path in paths where kinds.count < paths.count {
            switch forced?.name {
            case "jsonl"?: kinds.append(.jsonl)
            case "warc"?: kinds.append(.warc)
            case nil: kinds.append(path == "-" ? nil : Self.kind(ofPath: path))
            default: kinds.append(nil)
            }
        }
        if kinds.allSatisfy({ $0 == nil }) { return nil }
        if let other = zip(paths, kinds).first(where: { $0.1 == nil }) {
            throw PressKitError(.usage, "JSON Lines and WARC inputs cannot be mixed with other inputs (or give -f)",
                                file: other.0)
        }
        sources = zip(paths, kinds).map { ($0, $1!) }
        guard targets.count <= 1 else { throw PressKitError(.usage, "a stream is written in one format") }
        let path = (output == nil || output == "-") ? nil : output
        if let first = targets.first {
            target = first
        } else if let path, let format = Formats.forPath(path), format.writer != nil {
            target = format
        } else {
            target = try Formats.require("jsonl")
        }
        if target.name == "jsonl" {
            outputPath = path
            outputFolder = nil
        } else {
            guard let path, Formats.forPath(path) == nil || FileSystem.isDirectory(path) else {
                throw PressKitError(.usage, "a stream is written as JSON Lines (-t jsonl), or as one \(target.name) "
                                        + "file per record into a folder (-o FOLDER)", file: path)
            }
            outputPath = nil
            outputFolder = path
        }
        if let outputPath, sources.contains(where: { $0.path != "-" && FileSystem.sameFile($0.path, outputPath) }) {
            throw PressKitError(.usage, "the output would overwrite the input", file: outputPath)
        }
        self.jobs = jobs ?? 1  // range-checked by ConvertCommand (NumericOption, 1...1024)
        self.quiet = quiet
        converter = StreamConverter(target: target, options: options)
    }

    /// A folder converted to one JSON Lines output (`-t jsonl` to standard output or a `.jsonl` file): its
    /// files in path order, JSON Lines and WARC files as streams, the others as one record each. Nil when
    /// the output is a folder (a batch).
    static func folderSources(_ folder: String, from: Format?, targets: [Format], output: String?) throws -> [(path: String, kind: Kind)]? {
        let outputPath = (output == nil || output == "-") ? nil : output
        let jsonlTarget = targets.count == 1 && targets[0].name == "jsonl"
        if let outputPath {
            guard (try? Formats.outputFormat(forName: outputPath))?.name == "jsonl", !FileSystem.isDirectory(outputPath)
            else { return nil }
        } else if !jsonlTarget {
            return nil
        }
        guard let root = FileSystem.realPath(folder) else {
            throw PressKitError(.inputNotFound, "cannot read folder", file: folder)
        }
        let forced = from.flatMap { format in Formats.all.firstIndex { $0.name == format.name } }
        let walked = SourceWalker(root: root, outputRoot: outputPath.flatMap(FileSystem.realPath) ?? "",
                                  forcedFormat: forced, collectAllFiles: false).walk()
        var sources: [(path: String, kind: Kind)] = []
        for file in walked.files {
            let path = Paths.join(folder, file.path)
            // An earlier run's output (`src/ -o src/all.jsonl`), not an input, as for FolderCollection.
            if let outputPath, FileSystem.sameFile(path, outputPath) { continue }
            if case .input(let index) = file.kind {
                let format = Formats.all[index]
                switch format.name {
                case "jsonl": sources.append((path, .jsonl))
                case "warc": sources.append((path, .warc))
                default: sources.append((path, .file(format: format, id: file.path)))
                }
            }
        }
        return sources
    }

    /// A stream input by its name (the format registry's extensions: `.jsonl`, `.ndjson`, `.warc`, and
    /// their `.gz`), or nil.
    static func kind(ofPath path: String) -> Kind? {
        guard case .readable(let format) = Formats.inputGuess(forName: path) else { return nil }
        switch format.name {
        case "jsonl": return .jsonl
        case "warc": return .warc
        default: return nil
        }
    }

    func run() throws {
        let sink = try StreamSink(path: outputPath, folder: outputFolder, target: target)
        ProcessTuning.forConversion()
        let pipeline = StreamPipeline(converter: converter, jobs: jobs) { outcome, name in
            sink.write(outcome, name: name, quiet: quiet)
        }
        do {
            for source in sources {
                try read(source, into: pipeline)
            }
        } catch {
            pipeline.finish()
            sink.abandon()
            throw error
        }
        pipeline.finish()
        try sink.close()
        if sink.failures > 0 { throw ExitStatus(1) }
    }

    private func read(_ source: (path: String, kind: Kind), into pipeline: StreamPipeline) throws {
        let name = source.path == "-" ? "<stdin>" : source.path
        if case .file(let format, let id) = source.kind {
            // A file of a folder: one record; a file that cannot be read is an error line, not the end.
            var item = StreamItem(position: .whole, info: StreamRecordInfo(id: id), payload: .failure(""))
            do {
                item.payload = .content(try FileSystem.readInput(source.path, limit: converter.options.maxInputSize),
                                        format: format.name)
            } catch let error as PressKitError {
                item.payload = .failure(error.message)
            }
            pipeline.submit(item, name: name)
            return
        }
        let input = try FileByteSource(path: source.path)
        defer { input.close() }
        do {
            switch source.kind {
            case .jsonl:
                var reader = ByteReader(input)
                if try reader.hasPrefix([0x1F, 0x8B]) { reader = ByteReader(try GzipByteSource(reader)) }
                var number = 0
                while let line = try reader.readLine(limit: converter.options.maxInputSize) {
                    number += 1
                    switch line {
                    case .bytes(let bytes):
                        if let item = JSONLinesRecord.item(bytes, number: number) { pipeline.submit(item, name: name) }
                    case .tooLong(let length):
                        pipeline.submit(StreamItem(position: .line(number), payload: .failure(
                            "the line is \(length) bytes, more than --max-input-size (\(converter.options.maxInputSize))")),
                                        name: name)
                    }
                }
            case .file:
                break // read above
            case .warc:
                let records = try WARCRecordReader(input, maxRecordSize: converter.options.maxInputSize)
                while let event = records.next() {
                    if case .problem(let problem) = event, !problem.lostRecord {
                        if !quiet { Diagnostics.warning("\(problem.message) (at byte \(problem.offset))", file: name) }
                        continue
                    }
                    if let item = StreamItem(warc: event) { pipeline.submit(item, name: name) }
                }
            }
        } catch let error as StreamInputError {
            // Corrupt compressed data: what came before was converted; this input ends here.
            pipeline.submit(StreamItem(position: .offset(error.offset), payload: .failure(error.message)), name: name)
        } catch let error as PressKitError {
            throw error.naming(source.path)
        }
    }
}

/// Reads a file (or standard input for "-") with read(2), a piece at a time.
final class FileByteSource: ByteSource {
    private let fd: Int32
    private let path: String

    init(path: String) throws {
        self.path = path
        if path == "-" {
            fd = 0
            return
        }
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw PressKitError(.inputNotFound, "cannot read: \(reason)", file: path)
        }
        if FileSystem.isDirectory(path) {
            Glibc.close(fd)
            throw PressKitError(.inputNotFound, "is a folder, not a file", file: path)
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw PressKitError(.inputNotFound, "cannot read: \(String(cString: strerror(errno)))", file: path)
        }
    }

    func close() {
        if fd != 0 { Glibc.close(fd) }
    }
}
