import Synchronization

/// Standard error during a batch: whole lines (failures, warnings, the summary) and, on a terminal only, one
/// live progress line that is cleared before any other line is written and redrawn on the next tick.
final class BatchConsole: Sendable {
    /// Whether standard error is a terminal: only then is progress shown.
    let terminal: Bool
    private let progressShown = Mutex(false)

    init(terminal: Bool) {
        self.terminal = terminal
    }

    /// Writes one line (a newline is added), clearing the progress line first.
    func line(_ text: String) {
        progressShown.withLock { shown in
            Diagnostics.write((shown ? "\r\u{1B}[K" : "") + text + "\n")
            shown = false
        }
    }

    /// Replaces the progress line (terminal only).
    func progress(_ text: String) {
        guard terminal else { return }
        progressShown.withLock { shown in
            Diagnostics.write("\r" + text + "\u{1B}[K")
            shown = true
        }
    }

    /// `[done/total] N files/s, F failed, ETA m:ss`.
    static func progressText(done: Int, total: Int, failed: Int, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var text = "[\(done)/\(total)] \(Int(rate.rounded())) files/s, \(failed) failed"
        if rate > 0, done < total {
            text += ", ETA " + clock(Double(total - done) / rate)
        }
        return text
    }

    /// 75 → "1:15", 3725 → "1:02:05".
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let h = total / 3600, m = (total / 60) % 60, s = total % 60
        let ss = s < 10 ? "0\(s)" : "\(s)"
        if h > 0 { return "\(h):\(m < 10 ? "0\(m)" : "\(m)"):\(ss)" }
        return "\(m):\(ss)"
    }

    /// Seconds with two decimals, for the summary: 2.3456 → "2.35".
    static func seconds(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
