import PressKit

/// The end of every conversion the command line runs whole (one file, files into a folder, one output
/// from a folder): run it, print its warnings unless `-q`, write each output.
enum ConversionRun {
    /// Runs `conversion` and writes its outputs, in order, to `paths` (nil: standard output), each
    /// atomically. A warning names its input, else `warningsFile`. Nothing is written if any output fails.
    static func write(_ conversion: Conversion, to paths: [String?], quiet: Bool, warningsFile: String) throws {
        let result = try conversion.run()
        let outputs = try result.outputs.map { try $0.bytes() }
        if !quiet {
            for diagnostic in result.diagnostics {
                Diagnostics.warning(diagnostic.message, file: diagnostic.input ?? warningsFile)
            }
        }
        for (bytes, path) in zip(outputs, paths) {
            if let path {
                try FileSystem.writeAtomically(bytes, to: path)
            } else {
                try FileSystem.writeStandardOutput(bytes)
            }
        }
    }
}
