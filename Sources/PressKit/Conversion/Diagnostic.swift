/// A warning from a reader, the pipeline or a writer, as a value: what kind of thing happened, the input it
/// concerns, and a one-line message. Conversions never stop for a diagnostic; they collect them
/// (`ConversionContext.diagnostics`, `ConversionResult.diagnostics`).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The input is empty or has no text: the output is empty.
        case emptyInput
        /// The character encoding was guessed, or bytes did not decode and were replaced.
        case encoding
        /// A resource (an image, a cover) was not read or not embedded.
        case resource
        /// Content the output format cannot show was dropped or simplified (raw HTML/OpenXML, a link kind).
        case contentDropped
        /// Metadata was guessed or left out (a language guessed, relative links without a base).
        case metadata
        /// A warning not classified more precisely (`ConversionContext.warn(_:)` with a message alone).
        case general
    }

    public var kind: Kind
    /// The input it is about ("-" for standard input); for a writer's warning on an output made from several
    /// inputs, that output's name. Nil when unknown.
    public var input: String?
    public var message: String

    public init(_ kind: Kind, _ message: String, input: String? = nil) {
        self.kind = kind
        self.message = message
        self.input = input
    }

    /// A warning of kind `.general`.
    public init(_ message: String, file: String? = nil) {
        self.init(.general, message, input: file)
    }

    /// The former name of `input`.
    public var file: String? {
        get { input }
        set { input = newValue }
    }

    public var description: String { message }
}
