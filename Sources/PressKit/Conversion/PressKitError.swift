/// The one error type of presskit. Each kind has a stable exit code (documented in the README).
public struct PressKitError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// Bad command line: unknown option or format, binary output to a terminal.
        case usage
        /// The input file does not exist or cannot be read.
        case inputNotFound
        /// The input is not what it should be: binary data, undecodable text, malformed JSON, too large, too deep.
        case invalidInput
        /// The output cannot be written.
        case output
        /// A bug in presskit.
        case `internal`
    }

    public var kind: Kind
    public var message: String
    /// The file the error is about, if any ("-" for standard input).
    public var file: String?

    public init(_ kind: Kind, _ message: String, file: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
    }

    public var exitCode: Int32 {
        switch kind {
        case .usage: return 2
        case .inputNotFound: return 3
        case .invalidInput: return 4
        case .output: return 5
        case .internal: return 70
        }
    }

    /// One line, naming the file and the problem.
    public var description: String {
        if let file { return "\(file == "-" ? "<stdin>" : file): \(message)" }
        return message
    }

    /// The same error, naming `file` if it named none yet.
    public func naming(_ file: String) -> PressKitError {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }
}
