#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PressKit

/// `presskit SRC_DIR -o OUT_DIR -t FORMAT[,FORMAT…]`: converts a whole folder into a mirrored tree.
///
/// The steps: walk the source (paths only), plan every output and find conflicts over the whole list (the
/// same in every shard), remove temporary files a killed run left, convert this shard's inputs in parallel,
/// then print the summary and write the report. Exit code 0 when everything was converted, 1 when some
/// inputs failed (bad input, a conflict), 5 when some outputs could not be written (a full disk, a read-only
/// or blocked output folder: worth retrying, unlike bad inputs).
struct BatchConversion {
    let source: String
    let destination: String
    let from: Format?
    let targets: [Format]
    let options: ConversionOptions
    let quiet: Bool
    let resourcePaths: [String]
    /// `--jobs` and `--shard`, parsed and range-checked by `ConvertCommand` (nil: absent).
    let jobs: Int?
    let shard: ShardSpec?
    /// `--update` and `--report`.
    let update: Bool
    let report: String?

    /// Converts the folder; returns the exit code (0 all converted, 1 some inputs failed, 5 some outputs
    /// could not be written).
    func run() throws -> Int32 {
        let started = ContinuousClock.now
        let setup = try validated()
        if let report, report != "-" { try FileSystem.checkWritable(report, what: "the report") }
        guard let sourceRoot = FileSystem.realPath(source), FileSystem.isDirectory(sourceRoot) else {
            throw PressKitError(.inputNotFound, "cannot read the folder", file: source)
        }
        if FileSystem.exists(destination), !FileSystem.isDirectory(destination) {
            throw PressKitError(.usage, "the output of a folder must be a folder, and this is a file", file: destination)
        }
        try FileSystem.makeDirectories(destination)
        guard let outputRoot = FileSystem.realPath(destination) else {
            throw PressKitError(.output, "cannot open the output folder", file: destination)
        }
        // Outputs can land on inputs only if the output folder is the source or contains it (an output folder
        // inside the source is never walked).
        let overlap = Paths.same(outputRoot, sourceRoot) || Paths.isInside(sourceRoot, outputRoot)
        var walked = SourceWalker(root: sourceRoot, outputRoot: outputRoot, forcedFormat: setup.forcedFormat,
                                  collectAllFiles: overlap).walk()
        let files = walked.files
        let allFiles = walked.allFiles
        walked = SourceWalker.Result()

        var plan = BatchPlan(targets: targets)
        plan.findConflicts(in: files, inputBehindOutput: overlap ? { output in
            let canonical = outputRoot + "/" + output
            guard let inner = Paths.relative(canonical, to: sourceRoot), allFiles.contains(Array(inner.utf8)) else {
                return nil
            }
            return inner
        } : nil)

        // This shard's part of the list, the temporary files a killed run left, the work.
        let console = BatchConsole(terminal: Diagnostics.stderrIsTerminal,
                                   escapes: Diagnostics.terminalTakesEscapes)
        let keep = report != nil
        var decided: [Int: BatchOutcome] = [:]
        var work: [BatchRunner.WorkItem] = []
        var ownedOutputs = Set<UInt64>()
        var skipped = 0, failedEarly = 0
        for (slot, file) in files.enumerated() where setup.shard?.owns(file.path) ?? true {
            switch file.kind {
            case .skipped(let reason):
                skipped += 1
                if keep { decided[slot] = BatchOutcome(status: .skipped, error: reason) }
            case .unreadable(let reason):
                failedEarly += 1
                console.line("presskit: \(shown(file.path)): \(reason)")
                if keep { decided[slot] = BatchOutcome(status: .failed, error: reason) }
            case .input(let format):
                if let conflict = plan.conflicts[slot] {
                    failedEarly += 1
                    console.line("presskit: \(shown(file.path)): \(conflict)")
                    if keep { decided[slot] = BatchOutcome(status: .failed, error: conflict) }
                } else {
                    work.append(BatchRunner.WorkItem(slot: slot, path: file.path, format: format))
                    for output in plan.outputs(for: file.path) { ownedOutputs.insert(OutputIndex.hash(Array(output.utf8))) }
                }
            }
        }
        let removed = StaleTemporaries.remove(under: outputRoot, ownedOutputs: ownedOutputs, sharded: setup.shard != nil)
        ownedOutputs = []
        if removed > 0 && !quiet {
            console.line("presskit: removed \(removed) temporary file\(removed == 1 ? "" : "s") left by an interrupted run")
        }

        ProcessTuning.forConversion()
        let runner = BatchRunner(work: work, sourceRoot: sourceRoot, sourceShown: source,
                                 output: OutputFolder(root: outputRoot), targets: plan.targets, options: options,
                                 resourcePaths: resourcePaths, update: update, quiet: quiet,
                                 console: console, keepOutcomes: keep)
        let results = runner.run(jobs: setup.jobs) {
            console.progress(BatchConsole.progressText(
                done: runner.done.load(ordering: .relaxed), total: work.count,
                failed: failedEarly + runner.failed.load(ordering: .relaxed),
                seconds: BatchRunner.milliseconds(since: started) / 1000))
        }

        var totals = BatchReport.Totals()
        totals.converted = runner.converted.load(ordering: .relaxed)
        totals.failed = failedEarly + runner.failed.load(ordering: .relaxed)
        totals.skipped = skipped
        totals.upToDate = runner.upToDate.load(ordering: .relaxed)
        totals.outputs = runner.outputsWritten.load(ordering: .relaxed)
        totals.seconds = BatchRunner.milliseconds(since: started) / 1000
        let outputFailures = runner.outputFailed.load(ordering: .relaxed)
        var summary = "presskit: converted \(totals.converted) file\(totals.converted == 1 ? "" : "s") "
            + "(\(totals.outputs) output\(totals.outputs == 1 ? "" : "s")) in \(BatchConsole.seconds(totals.seconds)) s, "
            + "\(totals.failed) failed, \(totals.skipped) skipped"
        if update { summary += ", \(totals.upToDate) up to date" }
        if let shard = setup.shard { summary += " (shard \(shard))" }
        if outputFailures > 0 {
            summary += "; \(outputFailures) input\(outputFailures == 1 ? "" : "s") failed because "
                + "\(outputFailures == 1 ? "its outputs" : "their outputs") could not be written"
        }
        console.line(summary)

        if let reportPath = report {
            var report = BatchReport(source: source, output: destination, formats: plan.targets.map(\.format.name),
                                     shard: setup.shard, totals: totals)
            for (index, item) in work.enumerated() {
                if let outcome = results[index] { decided[item.slot] = outcome }
            }
            report.entries = decided.keys.sorted().map { (files[$0].path, decided[$0]!) }
            if reportPath == "-" {
                try FileSystem.writeStandardOutput(report.encoded())
            } else {
                try FileSystem.writeAtomically(report.encoded(), to: reportPath)
            }
        }
        if outputFailures > 0 { return PressKitError(.output, "").exitCode }
        return totals.failed > 0 ? 1 : 0
    }

    private func shown(_ relative: String) -> String {
        Paths.join(source, relative)
    }

    private struct Setup {
        var forcedFormat: Int?
        var shard: ShardSpec?
        var jobs: Int
    }

    /// Checks the flags before touching any file.
    private func validated() throws -> Setup {
        guard !targets.isEmpty else {
            throw PressKitError(.usage, "a folder needs output formats: -t FORMAT or -t FORMAT,FORMAT (see presskit formats)")
        }
        for target in targets where target.writer == nil {
            throw PressKitError(.usage, "presskit cannot write \(target.name)")
        }
        var setup = Setup(jobs: jobs ?? min(1024, max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        if let from {
            guard from.reader != nil else { throw PressKitError(.usage, "presskit cannot read \(from.name)") }
            setup.forcedFormat = Formats.all.firstIndex { $0.name == from.name }
        }
        setup.shard = shard
        return setup
    }
}
