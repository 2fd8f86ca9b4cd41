// SCAFFOLD: replaced by the batch work (issue 7).
import PressKit

struct BatchConversion {
    let source: String
    let destination: String
    let from: Format?
    let targets: [Format]
    let options: ConversionOptions
    let settings: ConversionSettings
    let batch: BatchSettings

    /// Converts the folder; returns the exit code (0 all converted, 1 some failed).
    func run() throws -> Int32 {
        throw PressKitError(.usage, "folder conversion is not built yet")
    }
}
