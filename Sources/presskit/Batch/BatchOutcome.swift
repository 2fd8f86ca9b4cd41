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
    var warnings: [String] = []
    var milliseconds: Double = 0
}
