import PressKit

/// `presskit SRC_DIR -o FILE.epub`: one output made from every input of a folder, for formats whose writer
/// makes one output from many (`Format.writesCollections`: EPUB and DOCX digests, feeds, JSON Lines). The
/// inputs are the files a batch would convert (same walk, same skipping rules), in the batch's stable order:
/// sorted by the bytes of their paths relative to the folder. Any input that fails fails the whole output,
/// as for several files named on the command line; nothing is written then.
struct FolderCollection {
    let source: String
    let output: String
    let target: Format
    let from: Format?
    let options: ConversionOptions
    let quiet: Bool
    let resourcePaths: [String]

    /// The collection format when `-o` names a file whose extension (or `-t`) is a format that makes one
    /// output from many, else nil (the folder is converted file by file into the folder `-o` names).
    /// `-o out/` or an existing folder always means a batch.
    static func target(output: String, targets: [Format]) throws -> Format? {
        if output.hasSuffix("/") || FileSystem.isDirectory(output) { return nil }
        guard let named = try? Formats.outputFormat(forName: output), named.writesCollections else { return nil }
        if targets.isEmpty { return named }
        guard targets.count == 1, targets[0].name == named.name else {
            let asked = targets.map(\.name).joined(separator: ",")
            throw PressKitError(.usage, "-o names one \(named.name) file but -t asks for \(asked): give -o a folder "
                                + "to convert each file, or -t \(named.name) for one \(named.name) from the whole folder",
                                file: output)
        }
        return named
    }

    func run() throws {
        guard let sourceRoot = FileSystem.realPath(source), FileSystem.isDirectory(sourceRoot) else {
            throw PressKitError(.inputNotFound, "cannot read the folder", file: source)
        }
        let forced = from.flatMap { format in Formats.all.firstIndex { $0.name == format.name } }
        let outputReal = FileSystem.realPath(FileSystem.directoryName(output)).map {
            $0 + "/" + String(output.split(separator: "/").last ?? "")
        } ?? output
        let walked = SourceWalker(root: sourceRoot, outputRoot: outputReal, forcedFormat: forced,
                                  collectAllFiles: false).walk()
        var inputs: [ConversionInput] = []
        var paths: [String] = []
        for file in walked.files {
            let full = sourceRoot + "/" + file.path
            switch file.kind {
            case .input(let format):
                if FileSystem.sameFile(full, output) { continue }   // an earlier run's output, not an input
                inputs.append(ConversionInput(source: .file(full), name: shown(file.path), format: Formats.all[format]))
                paths.append(full)
            case .unreadable(let reason):
                throw PressKitError(.inputNotFound, reason, file: shown(file.path))
            case .skipped:
                continue
            }
        }
        guard !inputs.isEmpty else {
            throw PressKitError(.inputNotFound, "no file presskit reads in this folder", file: source)
        }
        try ConversionRun.write(Conversion(inputs: inputs, targets: [target], options: options,
                                           resources: FileResources(inputs: paths, resourcePaths: resourcePaths),
                                           outputName: output),
                                to: [output], quiet: quiet, warningsFile: output)
    }

    private func shown(_ relative: String) -> String {
        Paths.join(source, relative)
    }
}
