import ArgumentParser

/// Flags for converting a whole folder.
struct BatchSettings: ParsableArguments {
    @Option(parsing: .unconditional, help: "Batch: conversions in parallel, 1 to 1024 (default: the number of cores).")
    var jobs: String?

    @Option(help: "Batch: write a JSON report with one entry per input to this file (- for standard output).")
    var report: String?

    @Flag(help: "Batch: skip outputs newer than their input.")
    var update = false

    @Option(parsing: .unconditional, help: "Batch: convert only part K of N (K/N, 1-based, N up to 1000000) of the file list.")
    var shard: String?
}
