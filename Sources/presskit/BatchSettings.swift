/// Flags for converting a whole folder.
struct BatchSettings {
    var jobs: String?
    var report: String?
    var update = false
    var shard: String?

    static let options: [OptionSpec] = [
        .value("jobs", help: "Batch: conversions in parallel, 1 to 1024 (default: the number of cores).", unconditional: true),
        .value("report", help: "Batch: write a JSON report with one entry per input to this file (- for standard output).",
               completion: .file),
        .flag("update", help: "Batch: skip outputs newer than their input."),
        .value("shard", help: "Batch: convert only part K of N (K/N, 1-based, N up to 1000000) of the file list.",
               unconditional: true),
    ]

    init() {}

    init(_ parsed: ParsedArguments) {
        jobs = parsed.value("jobs")
        report = parsed.value("report")
        update = parsed.flag("update")
        shard = parsed.value("shard")
    }
}
