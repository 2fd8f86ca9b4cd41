// SCAFFOLD: replaced by the JSON work.
public struct JSONReader: Reader {
    public init() {}
    public func read(_ input: [UInt8], context: ConversionContext) throws -> Document {
        throw PressKitError(.invalidInput, "JSON reading is not built yet")
    }
}
