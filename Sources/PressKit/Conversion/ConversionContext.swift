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

    public func warn(_ message: String) {
        diagnostics.append(Diagnostic(message, file: inputName))
    }
}
