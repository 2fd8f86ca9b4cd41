import ArgumentParser
import PressKit

/// The default command: convert one file, several files into one (EPUB/DOCX digests), stdin to stdout,
/// or a whole folder (batch).
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert", abstract: "Convert files, standard input, or a whole folder.")

    @Argument(help: "Input files or one folder; none or - reads standard input.")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "Output file (or folder for a batch); - or none writes standard output.")
    var output: String?

    @Option(name: [.customShort("f"), .customLong("from")], help: "Input format (default: from the extension).")
    var from: String?

    @Option(name: [.customShort("t"), .customLong("to")], help: "Output format(s); a batch takes several or a comma list.")
    var to: [String] = []

    @Option(name: [.customShort("M"), .customLong("metadata")], help: "Set metadata: KEY=VALUE (repeatable).")
    var metadata: [String] = []

    @OptionGroup var settings: ConversionSettings
    @OptionGroup var batch: BatchSettings

    func run() throws {
        let options = try settings.options(metadata: metadata)
        if let stream = try StreamConversion(inputs: inputs, from: from, to: to, output: output, options: options,
                                             quiet: settings.quiet, jobs: batch.jobs) {
            return try stream.run()
        }
        let targets = try targetFormats()
        if inputs.count == 1, FileSystem.isDirectory(inputs[0]) {
            guard let output, output != "-" else {
                throw PressKitError(.usage, "a folder as input needs an output folder: -o OUT_DIR")
            }
            let code = try BatchConversion(source: inputs[0], destination: output, from: from.map(Self.format),
                                           targets: targets, options: options, settings: settings,
                                           batch: batch).run()
            if code != 0 { throw ExitCode(code) }
            return
        }
        if inputs.count > 1, let dir = inputs.first(where: FileSystem.isDirectory) {
            throw PressKitError(.usage, "a folder can only be converted on its own", file: dir)
        }
        try convertFiles(options: options, targets: targets)
    }

    /// One output from one or more inputs (several inputs make one document: a digest).
    private func convertFiles(options: ConversionOptions, targets: [Format]) throws {
        let sources = inputs.isEmpty ? ["-"] : inputs
        let outputPath = (output == nil || output == "-") ? nil : output
        guard targets.count <= 1 else {
            throw PressKitError(.usage, "several output formats need a folder as input")
        }
        let target = try targets.first ?? outputPath.map(Self.formatForOutput) ?? Self.format("html")
        if target.isBinary, outputPath == nil, output == nil, Diagnostics.stdoutIsTerminal {
            throw PressKitError(.usage, "\(target.name) is binary: not written to a terminal (use -o FILE, or -o - to force)")
        }
        if let outputPath, sources.contains(where: { $0 != "-" && FileSystem.sameFile($0, outputPath) }) {
            throw PressKitError(.usage, "the output would overwrite the input", file: outputPath)
        }
        let resources = FileResources(inputs: sources, resourcePaths: settings.resourcePath)
        let context = ConversionContext(options: options, resources: resources, inputName: sources[0])
        var documents: [Document] = []
        for source in sources {
            context.inputName = source
            let bytes = try FileSystem.readInput(source, limit: options.maxInputSize)
            let format = try from.map(Self.format) ?? Self.formatForInput(source, bytes: bytes)
            do {
                documents.append(try Converter.read(bytes, format: format, context: context))
            } catch let error as PressKitError {
                throw error.naming(source)
            }
        }
        // A writer's warnings on a digest are about the output, not about the last input read.
        if sources.count > 1 { context.inputName = outputPath ?? "-" }
        let bytes: [UInt8]
        do {
            bytes = try Converter.write(documents, format: target, context: context)
        } catch let error as PressKitError {
            throw error.naming(sources.count == 1 ? sources[0] : (outputPath ?? "-"))
        }
        if !settings.quiet {
            for diagnostic in context.diagnostics {
                Diagnostics.warning(diagnostic.message, file: sources.count == 1 ? sources[0] : (diagnostic.file ?? outputPath ?? "-"))
            }
        }
        if let outputPath {
            try FileSystem.writeAtomically(bytes, to: outputPath)
        } else {
            try FileSystem.writeStandardOutput(bytes)
        }
    }

    private func targetFormats() throws -> [Format] {
        try to.flatMap { $0.split(separator: ",") }.map { try Self.format(String($0)) }
    }

    static func format(_ name: String) throws -> Format {
        guard let format = Formats.named(name) else {
            let known = Formats.all.map(\.name).joined(separator: ", ")
            throw PressKitError(.usage, "unknown format '\(name)' (known: \(known))")
        }
        return format
    }

    static func formatForOutput(_ path: String) throws -> Format {
        guard let format = Formats.forPath(path), format.writer != nil else {
            throw PressKitError(.usage, "cannot tell the output format from the name; use -t FORMAT", file: path)
        }
        return format
    }

    /// The input format: from the extension, else sniffed from the content.
    static func formatForInput(_ path: String, bytes: [UInt8]) throws -> Format {
        if path != "-", let format = Formats.forPath(path), format.reader != nil { return format }
        return Formats.sniff(bytes)
    }
}
