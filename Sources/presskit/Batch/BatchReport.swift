import PressKit

/// `--report FILE`: a JSON document with one entry per input of this run (this shard's, with `--shard`),
/// sorted by path, and the totals:
///
///     {"version": 1, "source": "...", "output": "...", "formats": ["json"], "shard": "1/3",
///      "totals": {"inputs": 3, "converted": 1, "failed": 1, "skipped": 1, "upToDate": 0, "outputs": 1,
///                 "seconds": 0.12},
///      "files": [{"input": "a/b.txt", "status": "converted", "outputs": ["a/b.json"], "error": null,
///                 "warnings": [], "milliseconds": 0.412}, ...]}
///
/// `status` is one of converted, failed, skipped, up-to-date. Paths are relative to the source and output
/// folders.
struct BatchReport {
    struct Totals {
        var converted = 0
        var failed = 0
        var skipped = 0
        var upToDate = 0
        var outputs = 0
        var seconds = 0.0
    }

    var source: String
    var output: String
    var formats: [String]
    var shard: ShardSpec?
    var totals = Totals()
    /// (input path, outcome), in the order they are to be written.
    var entries: [(String, BatchOutcome)] = []

    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512 + entries.count * 192)
        func add(_ text: String) { bytes.append(contentsOf: text.utf8) }
        add("{\n  \"version\": 1,\n")
        add("  \"source\": \(Self.quoted(source)),\n")
        add("  \"output\": \(Self.quoted(output)),\n")
        add("  \"formats\": [\(formats.map(Self.quoted).joined(separator: ", "))],\n")
        add("  \"shard\": \(shard.map { Self.quoted($0.description) } ?? "null"),\n")
        add("  \"totals\": {\"inputs\": \(entries.count), \"converted\": \(totals.converted), "
            + "\"failed\": \(totals.failed), \"skipped\": \(totals.skipped), \"upToDate\": \(totals.upToDate), "
            + "\"outputs\": \(totals.outputs), \"seconds\": \(Self.decimal(totals.seconds))},\n")
        add("  \"files\": [")
        for (number, (path, outcome)) in entries.enumerated() {
            add((number == 0 ? "\n" : ",\n")
                + "    {\"input\": \(Self.quoted(path)), \"status\": \"\(outcome.status.rawValue)\", "
                + "\"outputs\": [\(outcome.outputs.map(Self.quoted).joined(separator: ", "))], "
                + "\"error\": \(outcome.error.map(Self.quoted) ?? "null"), "
                + "\"warnings\": [\(outcome.warnings.map(Self.quoted).joined(separator: ", "))], "
                + "\"milliseconds\": \(Self.decimal(outcome.milliseconds))}")
        }
        add(entries.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        return bytes
    }

    /// A JSON string literal (escaped as the JSON writer escapes).
    static func quoted(_ text: String) -> String { JSONStringLiteral.quoted(text) }

    /// Three decimals, no exponent: 0.41234 → "0.412".
    static func decimal(_ value: Double) -> String {
        let thousandths = Int((max(value, 0) * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
