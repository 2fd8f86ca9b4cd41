/// A warning from a reader or writer: content it could not show, a resource it refused.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
