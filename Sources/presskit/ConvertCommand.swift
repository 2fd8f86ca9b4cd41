import PressKit

/// The default command: convert one file, several files into one (EPUB/DOCX digests), stdin to stdout,
/// or a whole folder (a batch, or one output from all its files). It maps the command line onto the
/// library's `Conversion` and writes what it returns; the conversion itself happens there.
struct ConvertCommand {
    var inputs: [String] = []
    var output: String?
    var from: String?
    var to: [String] = []
    var metadata: [String] = []
    var settings = ConversionSettings()
    var batch = BatchSettings()
    var news = NewsSettings()

    static let spec = CommandSpec(
        name: "convert", abstract: "Convert files, standard input, or a whole folder.",
        usage: "convert [<options>] [<inputs> ...]",
        options: [
            .value("output", short: "o", help: "Output file (or folder for a batch); - or none writes standard output.",
                   completion: .file),
            .value("from", short: "f", help: "Input format (default: from the extension).",
                   completion: .list { Formats.all.filter { $0.reader != nil }.map(\.name) }),
            .values("to", short: "t", help: "Output format(s); a batch takes several or a comma list.",
                    completion: .list { Formats.all.filter { $0.writer != nil }.map(\.name) }),
            .values("metadata", short: "M", help: "Set metadata: KEY=VALUE (repeatable)."),
        ] + ConversionSettings.options + BatchSettings.options + NewsSettings.options,
        positional: ("inputs", "Input files or one folder; none or - reads standard input."))

    init() {}

    /// The command line after `presskit` (or `presskit convert`), as `ArgumentScanner` read it by `spec`.
    init(_ parsed: ParsedArguments) {
        inputs = parsed.positionals
        output = parsed.value("output")
        from = parsed.value("from")
        to = parsed.values("to")
        metadata = parsed.values("metadata")
        settings = ConversionSettings(parsed)
        batch = BatchSettings(parsed)
        news = NewsSettings(parsed)
    }

    func run() throws {
        var options = try settings.options(metadata: metadata)
        options.news = try news.options()
        // Every numeric option is checked whatever the mode, so a bad value is never silently ignored.
        let jobs = try batch.jobs.map { try NumericOption.integer($0, option: "--jobs", in: 1...1024) }
        let shard = try batch.shard.map(ShardSpec.init(parsing:))
        try Self.convert(inputs: inputs, output: output, from: from, to: to, options: options, quiet: settings.quiet,
                         resourcePaths: settings.resourcePath, jobs: jobs, shard: shard, update: batch.update,
                         report: batch.report)
    }

    /// Everything after the flags became options: picks the mode (a stream, one output from a folder, a batch, files into a folder, one output) and runs it.
    static func convert(inputs: [String], output: String?, from: String?, to: [String], options: ConversionOptions,
                        quiet: Bool, resourcePaths: [String], jobs: Int?, shard: ShardSpec?, update: Bool,
                        report: String?) throws {
        let (targets, forced) = try formats(to: to, from: from)
        if let stream = try StreamConversion(inputs: inputs, from: forced, targets: targets, output: output,
                                             options: options, quiet: quiet, jobs: jobs) {
            return try stream.run()
        }
        if inputs.count == 1, FileSystem.isDirectory(inputs[0]) {
            guard let output, output != "-" else {
                throw PressKitError(.usage, "a folder as input needs an output folder: -o OUT_DIR")
            }
            if let collection = try FolderCollection.target(output: output, targets: targets) {
                if shard != nil || update || report != nil {
                    throw PressKitError(.usage, "--shard, --update and --report convert a folder file by file; "
                                        + "-o \(output) makes one \(collection.name) of the whole folder")
                }
                try FolderCollection(source: inputs[0], output: output, target: collection, from: forced,
                                     options: options, quiet: quiet, resourcePaths: resourcePaths).run()
                return
            }
            let code = try BatchConversion(source: inputs[0], destination: output, from: forced, targets: targets,
                                           options: options, quiet: quiet, resourcePaths: resourcePaths, jobs: jobs,
                                           shard: shard, update: update, report: report).run()
            if code != 0 { throw ExitStatus(code) }
            return
        }
        if inputs.count > 1, let dir = inputs.first(where: FileSystem.isDirectory) {
            throw PressKitError(.usage, "a folder can only be converted on its own", file: dir)
        }
        if FilesIntoFolder.applies(output: output, inputs: inputs) {
            let code = try FilesIntoFolder(inputs: inputs, folder: output!, targets: targets, from: forced,
                                           options: options, quiet: quiet, resourcePaths: resourcePaths).run()
            if code != 0 { throw ExitStatus(code) }
            return
        }
        try convertFiles(inputs: inputs, output: output, options: options, targets: targets, from: forced,
                         quiet: quiet, resourcePaths: resourcePaths)
    }

    /// The formats `-t` and `-f` name (`-t` may be a comma list), read once for every mode.
    static func formats(to: [String], from: String?) throws -> (targets: [Format], from: Format?) {
        let names = to.flatMap { $0.split(separator: ",") }
        if !to.isEmpty, names.isEmpty {
            throw PressKitError(.usage, "-t names no format: -t FORMAT or -t FORMAT,FORMAT (see presskit formats)")
        }
        let targets = try names.map { try Formats.require(String($0)) }
        let forced = try from.map(Formats.require)
        if let forced, forced.reader == nil { throw PressKitError(.usage, "presskit cannot read \(forced.name)") }
        return (targets, forced)
    }

    /// One output from one or more inputs (several inputs make one document: a digest).
    static func convertFiles(inputs: [String], output: String?, options: ConversionOptions, targets: [Format],
                             from: Format?, quiet: Bool, resourcePaths: [String]) throws {
        let sources = inputs.isEmpty ? ["-"] : inputs
        // A missing input is "not found" whatever else is wrong with the command line.
        for source in sources where source != "-" && !FileSystem.exists(source) {
            throw PressKitError(.inputNotFound, "cannot read: no such file", file: source)
        }
        let outputPath = (output == nil || output == "-") ? nil : output
        if let outputPath, FileSystem.isDirectory(outputPath) {
            throw PressKitError(.usage, "is a folder: standard input is converted into one file, -o takes its name "
                                + "(a folder is the output of named files or of a folder)", file: outputPath)
        }
        guard targets.count <= 1 else {
            throw PressKitError(.usage, "several output formats need a folder as input")
        }
        let target = try targets.first ?? outputPath.map(Formats.outputFormat(forName:)) ?? Formats.require("html")
        if target.isBinary, outputPath == nil, output == nil, Diagnostics.stdoutIsTerminal {
            throw PressKitError(.usage, "\(target.name) is binary: not written to a terminal (use -o FILE, or -o - to force)")
        }
        if let outputPath, sources.contains(where: { $0 != "-" && FileSystem.sameFile($0, outputPath) }) {
            throw PressKitError(.usage, "the output would overwrite the input", file: outputPath)
        }
        ProcessTuning.forConversion()
        let conversion = Conversion(inputs: sources.map { .file($0, format: from) }, targets: [target],
                                    options: options,
                                    resources: FileResources(inputs: sources, resourcePaths: resourcePaths),
                                    outputName: outputPath ?? "-")
        // The C libraries the readers and the writer will load, loaded on the second core meanwhile.
        let prefetch = CLibraryPrefetch(conversion.libraries)
        defer { prefetch.wait() }
        try ConversionRun.write(conversion, to: [outputPath], quiet: quiet, warningsFile: outputPath ?? "-")
    }
}
