import CLibZip
#if canImport(Glibc)
import Glibc
#endif

/// libzip is loaded on first use (`pk_zip_load`, a dlopen) rather than at process start, so conversions
/// that write or read no zip do not pay for loading it and libcrypto behind it. Every entry point into the
/// zip wrappers calls `load()` first.
enum ZipLibrary {
    /// Loads libzip once per process; throws when it cannot be loaded (libzip4 not installed).
    static func load() throws {
        guard pk_zip_load() != 0 else {
            throw PressKitError(.internal, "zip: " + String(cString: pk_zip_load_error()))
        }
    }

    /// Opens an archive held in memory for reading, from a private copy of `bytes` that the archive frees
    /// itself; nil when the bytes are not a zip archive (or empty). Call `load()` first.
    static func openInMemory(_ bytes: [UInt8]) -> OpaquePointer? {
        let count = bytes.count
        guard count > 0, let memory = malloc(count) else { return nil }
        bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: count) }
        var error = zip_error_t()
        pk_zip_error_init(&error)
        defer { pk_zip_error_fini(&error) }
        guard let source = pk_zip_source_buffer_create(memory, zip_uint64_t(count), 1, &error) else {
            free(memory)
            return nil
        }
        guard let archive = pk_zip_open_from_source(source, ZIP_RDONLY, &error) else {
            pk_zip_source_free(source)
            return nil
        }
        return archive
    }
}
