#if canImport(Glibc)
import Glibc
#endif

/// Messages on standard error: one line each, prefixed with the program's name.
enum Diagnostics {
    static func error(_ message: String) {
        write("presskit: \(message)\n")
    }

    static func warning(_ message: String, file: String) {
        write("presskit: warning: \(file == "-" ? "<stdin>" : file): \(message)\n")
    }

    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
    /// Whether the terminal takes escape sequences: not with `NO_COLOR` set (no-color.org) or `TERM=dumb`;
    /// progress is then redrawn with carriage returns and spaces only.
    static var terminalTakesEscapes: Bool {
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
}
