/// The whole conversion as one library call: read every input (its format given or inferred), run the
/// press-release pass and the `-M` overrides, then write each target format — one output per target,
/// made from the one input, or from all inputs when there are several (a digest, a feed, a JSON Lines
/// stream: `Writer.write(collection:context:)`). Warnings come back as `Diagnostic` values.
///
///     let result = try Conversion(inputs: [.file("release.md")], targets: [Formats.require("html")]).run()
///     let html = try result.outputs[0].bytes()
///     for warning in result.diagnostics { print(warning.kind, warning.input ?? "-", warning.message) }
///
/// Errors while reading are thrown (naming the input); an error while writing one target is that output's
/// `result`, and the other targets are still written. The command line's single file, digest and folder
/// batch all run through here.
public struct Conversion: Sendable {
    public var inputs: [ConversionInput]
    /// Output formats, each written once.
    public var targets: [Format]
    public var options: ConversionOptions
    /// Where writers find images and other resources (the command line confines them to the inputs' folders).
    public var resources: any ResourceResolver
    /// The name of the one output made from several inputs, for its errors and the writers' diagnostics
    /// ("-" when not given).
    public var outputName: String?

    public init(inputs: [ConversionInput], targets: [Format], options: ConversionOptions = ConversionOptions(),
                resources: any ResourceResolver = NoResources(), outputName: String? = nil) {
        self.inputs = inputs
        self.targets = targets
        self.options = options
        self.resources = resources
        self.outputName = outputName
    }

    /// Whether this conversion makes one output from several inputs.
    public var isCollection: Bool { inputs.count > 1 }

    /// The C libraries its readers and writers will load, in the order they are needed, as far as known
    /// before reading: an input's format as given or as its name implies (`Formats.inputFormat(name:bytes:)`
    /// without the bytes; a format sniffed from the content is not known yet). For `CLibraryPrefetch`.
    public var libraries: [CLibrary] {
        var libraries: [CLibrary] = []
        for input in inputs {
            var format = input.format
            if format == nil, input.name != "-", case .readable(let guessed) = Formats.inputGuess(forName: input.name) {
                format = guessed
            }
            libraries += format?.reader?.libraries ?? []
        }
        for target in targets { libraries += target.writer?.libraries ?? [] }
        return libraries
    }

    /// Runs the conversion. Throws a `PressKitError` when the request is unusable (no input, no target, a
    /// format that cannot be read or written) or an input cannot be read.
    public func run() throws -> ConversionResult {
        var diagnostics: [Diagnostic] = []
        return try run(diagnostics: &diagnostics)
    }

    /// Runs the conversion; `diagnostics` receives every diagnostic, also those reported before an input
    /// failed to read (a batch keeps them in its report next to the error).
    public func run(diagnostics: inout [Diagnostic]) throws -> ConversionResult {
        guard !inputs.isEmpty else { throw PressKitError(.usage, "nothing to convert: no input") }
        guard !targets.isEmpty else { throw PressKitError(.usage, "no output format") }
        for target in targets where target.writer == nil {
            throw PressKitError(.usage, "presskit cannot write \(target.name)")
        }
        let context = ConversionContext(options: options, resources: resources, inputName: inputs[0].name)
        let documents: [Document]
        do {
            documents = try read(context: context)
        } catch {
            diagnostics = context.diagnostics
            throw error
        }
        // A writer's warnings on a collection are about the output, not about the last input read.
        let outputShown = isCollection ? (outputName ?? "-") : inputs[0].name
        context.inputName = outputShown
        let outputs = targets.map { target in
            do {
                return ConvertedOutput(format: target,
                                       result: .success(try Converter.write(documents, format: target, context: context)))
            } catch let error as PressKitError {
                return ConvertedOutput(format: target, result: .failure(error.naming(outputShown)))
            } catch {
                return ConvertedOutput(format: target,
                                       result: .failure(PressKitError(.internal, "\(error)", file: outputShown)))
            }
        }
        diagnostics = context.diagnostics
        return ConversionResult(outputs: outputs, diagnostics: diagnostics)
    }

    /// Reads every input in order into documents (the press pass and `-M` applied).
    private func read(context: ConversionContext) throws -> [Document] {
        var documents: [Document] = []
        documents.reserveCapacity(inputs.count)
        for input in inputs {
            context.inputName = input.name
            do {
                let bytes = try input.load(limit: options.maxInputSize)
                let format = input.format ?? Formats.inputFormat(name: input.name, bytes: bytes)
                documents.append(try Converter.read(bytes, format: format, context: context))
            } catch let error as PressKitError {
                throw error.naming(input.name)
            }
        }
        return documents
    }
}
