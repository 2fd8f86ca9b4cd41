import ArgumentParser

/// Flags for converting a whole folder.
struct BatchSettings: ParsableArguments {
    @Option(help: "Batch: conversions in parallel (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Batch: write a JSON report with one entry per input to this file (- for standard output).")
    var report: String?

    @Flag(help: "Batch: skip outputs newer than their input.")
    var update = false

    @Option(help: "Batch: convert only part K of N (K/N, 1-based) of the file list.")
    var shard: String?
}
