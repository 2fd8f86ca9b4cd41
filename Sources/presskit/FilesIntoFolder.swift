import PressKit

/// `presskit a.md b.html -o out/ -t json,docx`: one or more input files, each converted on its own into an
/// existing folder (or one named with a trailing `/`), as `out/a.json`, `out/b.docx`, … A bad input is
/// reported and the others still convert (exit 1 at the end); two inputs that would write the same file
/// are refused before anything is written.
struct FilesIntoFolder {
    let inputs: [String]
    let folder: String
    let targets: [Format]
    let from: Format?
    let options: ConversionOptions
    let quiet: Bool
    let resourcePaths: [String]

    /// Whether `-o` names a folder for these inputs: an existing folder, or a path ending in `/`.
    static func applies(output: String?, inputs: [String]) -> Bool {
        guard let output, output != "-", !inputs.isEmpty, !inputs.contains("-") else { return false }
        return FileSystem.isDirectory(output) || output.hasSuffix("/")
    }

    /// Converts every input; returns the exit code (0, or 1 when some inputs failed).
    func run() throws -> Int32 {
        guard !targets.isEmpty else {
            throw PressKitError(.usage, "files into a folder need the output format(s): -t FORMAT[,FORMAT]", file: folder)
        }
        var planned: [[UInt8]: String] = [:]
        var jobs: [(input: String, outputs: [(Format, String)])] = []
        for input in inputs {
            var outputs: [(Format, String)] = []
            for target in targets {
                let name = input.split(separator: "/").last.map(String.init) ?? input
                let path = Paths.join(folder, BatchPlan.outputPath(for: name, fileExtension: target.outputExtension))
                // Keyed by bytes: the file system keeps canonically equivalent names apart (see Paths).
                if let other = planned[Array(path.utf8)] {
                    throw PressKitError(.usage, "\(other) and \(input) would both write \(path)")
                }
                planned[Array(path.utf8)] = input
                outputs.append((target, path))
            }
            jobs.append((input, outputs))
        }
        try FileSystem.makeDirectories(folder)
        var failed = 0
        for job in jobs {
            do {
                let conversion = Conversion(inputs: [.file(job.input, format: from)], targets: job.outputs.map(\.0),
                                            options: options,
                                            resources: FileResources(inputs: [job.input],
                                                                     resourcePaths: resourcePaths))
                try ConversionRun.write(conversion, to: job.outputs.map(\.1), quiet: quiet, warningsFile: job.input)
            } catch let error as PressKitError {
                Diagnostics.error(error.naming(job.input).description)
                if error.kind == .output { throw error }
                failed += 1
            }
        }
        return failed == 0 ? 0 : 1
    }
}
