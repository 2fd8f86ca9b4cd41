/// What one conversion carries besides the document: options, resources, and the diagnostics it collects.
/// One context per conversion; not shared between threads.
public final class ConversionContext {
    public var options: ConversionOptions
    public var resources: any ResourceResolver
    /// The input's name for messages ("-" for stdin).
    public var inputName: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(options: ConversionOptions = ConversionOptions(),
                resources: any ResourceResolver = NoResources(), inputName: String = "-") {
        self.options = options
        self.resources = resources
        self.inputName = inputName
    }

    /// Records a warning of `kind` about the current input.
    public func warn(_ kind: Diagnostic.Kind, _ message: String) {
        diagnostics.append(Diagnostic(kind, message, input: inputName))
    }

    /// Records a warning about the current input, of kind `.general`.
    public func warn(_ message: String) {
        warn(.general, message)
    }
}
