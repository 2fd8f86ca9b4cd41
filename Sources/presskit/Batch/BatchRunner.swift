import Dispatch
import PressKit
import Synchronization

/// Converts the inputs of a batch on `jobs` worker threads that pull the next input from a shared counter:
/// memory is bounded by the inputs in flight (one input, its document and its outputs per thread), never by
/// the size of the folder. Each input gets its own `ConversionContext`; a failure is reported and the batch
/// goes on.
final class BatchRunner: Sendable {
    struct WorkItem: Sendable {
        /// Index into the batch's sorted list of files (for the report).
        let slot: Int
        let path: String
        let format: Int
    }

    let work: [WorkItem]
    let sourceRoot: String
    /// The source folder as the user wrote it, for messages.
    let sourceShown: String
    let output: OutputFolder
    let targets: [BatchPlan.Target]
    let options: ConversionOptions
    let resourcePaths: [String]
    let update: Bool
    let quiet: Bool
    let console: BatchConsole

    private let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    let failed = Atomic<Int>(0)
    let converted = Atomic<Int>(0)
    let upToDate = Atomic<Int>(0)
    let outputsWritten = Atomic<Int>(0)
    /// Inputs that failed because an output could not be written.
    let outputFailed = Atomic<Int>(0)
    /// Outcomes by work index, kept only when a report is asked for.
    private let outcomes: Mutex<[BatchOutcome?]>
    private let keepOutcomes: Bool

    init(work: [WorkItem], sourceRoot: String, sourceShown: String, output: OutputFolder, targets: [BatchPlan.Target],
         options: ConversionOptions, resourcePaths: [String], update: Bool, quiet: Bool, console: BatchConsole,
         keepOutcomes: Bool) {
        self.work = work
        self.sourceRoot = sourceRoot
        self.sourceShown = sourceShown
        self.output = output
        self.targets = targets
        self.options = options
        self.resourcePaths = resourcePaths
        self.update = update
        self.quiet = quiet
        self.console = console
        self.keepOutcomes = keepOutcomes
        outcomes = Mutex(keepOutcomes ? [BatchOutcome?](repeating: nil, count: work.count) : [])
    }

    /// Runs every work item on `jobs` threads; calls `tick` at once, then about ten times a second on the
    /// calling thread until all are done. Returns the outcomes by work index (empty unless `keepOutcomes`).
    func run(jobs: Int, tick: () -> Void) -> [BatchOutcome?] {
        tick()
        let group = DispatchGroup()
        for _ in 0..<min(jobs, max(work.count, 1)) {
            group.enter()
            // Writers walk the document tree recursively: give workers the main thread's stack size.
            let started = WorkerThread.start(stackSize: 8 << 20) { [self] in
                worker()
                group.leave()
            }
            if !started {
                // No thread to be had: this one does the work (the others, if any, share it).
                worker()
                group.leave()
            }
        }
        while group.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            tick()
        }
        return outcomes.withLock { $0 }
    }

    private func worker() {
        while true {
            let index = next.add(1, ordering: .relaxed).oldValue
            guard index < work.count else { return }
            let outcome = convert(work[index])
            switch outcome.status {
            case .converted: converted.add(1, ordering: .relaxed)
            case .upToDate: upToDate.add(1, ordering: .relaxed)
            case .failed: failed.add(1, ordering: .relaxed)
            case .skipped: break
            }
            if outcome.status == .converted { outputsWritten.add(outcome.outputs.count, ordering: .relaxed) }
            if outcome.outputFailure { outputFailed.add(1, ordering: .relaxed) }
            if keepOutcomes { outcomes.withLock { $0[index] = outcome } }
            done.add(1, ordering: .relaxed)
        }
    }

    func shownPath(_ relative: String) -> String {
        Paths.join(sourceShown, relative)
    }

    /// Converts one input through the library's pipeline (read once, every pending target written) and
    /// writes each output atomically (with --update, only the outputs older than the input). A failing
    /// output does not stop the others.
    private func convert(_ item: WorkItem) -> BatchOutcome {
        let start = ContinuousClock.now
        let inputPath = sourceRoot + "/" + item.path
        let shown = shownPath(item.path)
        var pending = targets.map { ($0, BatchPlan.outputPath(for: item.path, fileExtension: $0.fileExtension)) }
        if update, let inputTime = FileSystem.modificationTime(inputPath) {
            let all = pending.map(\.1)
            pending.removeAll { (FileSystem.modificationTime(output.path($0.1)) ?? Int.min) >= inputTime }
            if pending.isEmpty {
                return BatchOutcome(status: .upToDate, outputs: all, milliseconds: Self.milliseconds(since: start))
            }
        }
        var outcome = BatchOutcome(status: .converted)
        var errors: [String] = []
        let conversion = Conversion(
            inputs: [ConversionInput(source: .file(inputPath), name: shown, format: Formats.all[item.format])],
            targets: pending.map(\.0.format), options: options,
            resources: FileResources(inputs: [inputPath], resourcePaths: resourcePaths))
        var diagnostics: [Diagnostic] = []
        do {
            let result = try conversion.run(diagnostics: &diagnostics)
            for ((target, relative), converted) in zip(pending, result.outputs) {
                do {
                    let bytes = try converted.bytes()
                    do {
                        try output.prepare(forFile: relative)
                        let destination = output.path(relative)
                        if FileSystem.sameFile(destination, inputPath) {
                            throw PressKitError(.invalidInput, "its output \(relative) would overwrite the input")
                        }
                        try FileSystem.writeAtomically(bytes, to: destination)
                    } catch let error as PressKitError where error.kind == .output {
                        outcome.outputFailure = true
                        throw error
                    }
                    outcome.outputs.append(relative)
                } catch {
                    let message = Self.message(error, inputPath: inputPath, shown: shown)
                    errors.append(targets.count > 1 ? "\(target.format.name) output: \(message)" : message)
                }
            }
        } catch {
            errors.append(Self.message(error, inputPath: inputPath, shown: shown))
        }
        outcome.warnings = diagnostics.map(\.message)
        if !errors.isEmpty {
            outcome.status = .failed
            outcome.error = errors.joined(separator: "; ")
        }
        outcome.milliseconds = Self.milliseconds(since: start)
        report(item.path, outcome)
        return outcome
    }

    /// The reason alone when the error is about the input itself, else with the file it names.
    static func message(_ error: any Error, inputPath: String, shown: String) -> String {
        guard let error = error as? PressKitError else { return "\(error)" }
        return error.file == nil || error.file == inputPath || error.file == shown ? error.message : error.description
    }

    /// One line per failure (always) and per warning (unless --quiet), on standard error.
    func report(_ relative: String, _ outcome: BatchOutcome) {
        let shown = shownPath(relative)
        if !quiet {
            for warning in outcome.warnings { console.line("presskit: warning: \(shown): \(warning)") }
        }
        if outcome.status == .failed, let error = outcome.error {
            console.line("presskit: \(shown): \(error)")
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
