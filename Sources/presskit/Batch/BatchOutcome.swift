/// What became of one input of a batch.
struct BatchOutcome: Sendable {
    enum Status: String, Sendable {
        case converted
        case failed
        case skipped
        case upToDate = "up-to-date"
    }

    var status: Status
    /// Outputs written (or found current), relative to the output folder.
    var outputs: [String] = []
    var error: String?
    /// Whether it failed because an output could not be written (the disk, not the input: exit 5).
    var outputFailure = false
    var warnings: [String] = []
    var milliseconds: Double = 0
}
