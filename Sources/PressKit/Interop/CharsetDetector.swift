import CUchardet

/// Guesses the character encoding of bytes with uchardet. The only file that calls uchardet, which is loaded
/// on first use (a dlopen in `CUchardet`): most inputs are UTF-8 or declare their charset and never need it.
enum CharsetDetector {
    /// An iconv-compatible charset name, or nil when uchardet has no answer; throws when uchardet cannot be
    /// loaded (libuchardet0 not installed).
    static func detect(_ bytes: [UInt8]) throws -> String? {
        guard pk_uchardet_load() != 0 else {
            throw PressKitError(.internal, String(cString: pk_uchardet_load_error()))
        }
        guard let handle = uchardet_new() else { return nil }
        defer { uchardet_delete(handle) }
        let sample = bytes.count > 256 * 1024 ? Array(bytes.prefix(256 * 1024)) : bytes
        let status = sample.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { uchardet_handle_data(handle, $0, buffer.count) }
            } ?? 0
        }
        guard status == 0 else { return nil }
        uchardet_data_end(handle)
        guard let name = uchardet_get_charset(handle) else { return nil }
        let charset = String(cString: name)
        return charset.isEmpty ? nil : charset
    }
}
