// SCAFFOLD: replaced by the HTML reader work.
public struct HTMLReader: Reader {
    public init() {}
    public func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
        throw PressKitError(.invalidInput, "HTML reading is not built yet")
    }
}
