/// One output of a conversion: its format and its bytes, or why it could not be written. One output's
/// failure does not stop the others (a batch writes every output it can).
public struct ConvertedOutput: Sendable {
    public let format: Format
    public let result: Result<[UInt8], PressKitError>

    public init(format: Format, result: Result<[UInt8], PressKitError>) {
        self.format = format
        self.result = result
    }

    /// The bytes, or the error that kept them from being written.
    public func bytes() throws -> [UInt8] {
        try result.get()
    }
}

/// What a conversion gave: one output per target format (in the order asked) and the diagnostics that
/// readers, the pipeline and writers reported, in the order they were reported.
public struct ConversionResult: Sendable {
    public var outputs: [ConvertedOutput]
    public var diagnostics: [Diagnostic]

    public init(outputs: [ConvertedOutput], diagnostics: [Diagnostic]) {
        self.outputs = outputs
        self.diagnostics = diagnostics
    }

    /// The output in `format` (by name), if it was asked for.
    public func output(_ format: Format) -> ConvertedOutput? {
        outputs.first { $0.format.name == format.name }
    }
}
