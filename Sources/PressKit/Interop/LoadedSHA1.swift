import CLazyLibrary

/// A SHA-1 context of libcrypto's (`pk_sha1_begin`), available only when the process has loaded libcrypto
/// already: libzip brings it for the DOCX and EPUB writers, and its SHA-1 uses the processor's SHA extensions.
/// `SHA1` hashes through it when it can and by itself otherwise; the digest is the same.
final class LoadedSHA1 {
    private var context: UnsafeMutableRawPointer?

    /// Nil when libcrypto is not loaded in this process.
    init?() {
        guard let context = pk_sha1_begin() else { return nil }
        self.context = context
    }

    private init(context: UnsafeMutableRawPointer) { self.context = context }

    func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, let context else { return }
        pk_sha1_update(context, base, bytes.count)
    }

    /// A context in the same state (nil when out of memory).
    func copy() -> LoadedSHA1? {
        guard let context, let copy = pk_sha1_copy(context) else { return nil }
        return LoadedSHA1(context: copy)
    }

    /// The digest; the context is used up.
    func finish() -> [UInt8] {
        guard let context else { preconditionFailure("SHA-1 context finished twice") }
        self.context = nil
        return [UInt8](unsafeUninitializedCapacity: 20) { buffer, count in
            pk_sha1_finish(context, buffer.baseAddress!)
            count = 20
        }
    }

    deinit {
        if let context { pk_sha1_discard(context) }
    }
}
