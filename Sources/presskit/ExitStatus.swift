/// A run that ends with this exit status and nothing more to say: a batch or stream with some failed inputs
/// (1) has reported each already.
struct ExitStatus: Error {
    let code: Int32

    init(_ code: Int32) { self.code = code }
}
