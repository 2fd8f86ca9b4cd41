import CUchardet

/// Guesses the character encoding of bytes with uchardet. The only file that calls uchardet.
enum CharsetDetector {
    /// An iconv-compatible charset name, or nil when uchardet has no answer.
    static func detect(_ bytes: [UInt8]) -> String? {
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
