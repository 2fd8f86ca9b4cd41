import Synchronization

/// Standard error during a batch: whole lines (failures, warnings, the summary) and, on a terminal only, one
/// live progress line that is cleared before any other line is written and redrawn on the next tick.
/// Without escape sequences (`NO_COLOR`, `TERM=dumb`) the line is cleared with spaces instead.
final class BatchConsole: Sendable {
    /// Whether standard error is a terminal: only then is progress shown.
    let terminal: Bool
    /// Whether the terminal takes escape sequences (erase to end of line).
    let escapes: Bool
    /// The width of the progress line on screen (0: none shown).
    private let progressWidth = Mutex(0)

    init(terminal: Bool, escapes: Bool = true) {
        self.terminal = terminal
        self.escapes = escapes
    }

    /// Writes one line (a newline is added), clearing the progress line first.
    func line(_ text: String) {
        progressWidth.withLock { width in
            Diagnostics.write(clearing(width) + text + "\n")
            width = 0
        }
    }

    /// Replaces the progress line (terminal only).
    func progress(_ text: String) {
        guard terminal else { return }
        progressWidth.withLock { width in
            if escapes {
                Diagnostics.write("\r" + text + "\u{1B}[K")
            } else {
                Diagnostics.write("\r" + text + String(repeating: " ", count: max(0, width - text.count)))
            }
            width = max(text.count, 1)
        }
    }

    /// What erases a progress line `width` wide and returns to the line's start.
    private func clearing(_ width: Int) -> String {
        guard width > 0 else { return "" }
        return escapes ? "\r\u{1B}[K" : "\r" + String(repeating: " ", count: width) + "\r"
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
