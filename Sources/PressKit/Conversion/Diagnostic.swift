/// A warning from a reader or writer: content it could not show, a resource it refused.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// The input (or, for a writer's warning on a digest, the output) it is about, when known.
    public var file: String?
    public init(_ message: String, file: String? = nil) {
        self.message = message
        self.file = file
    }
    public var description: String { message }
}
