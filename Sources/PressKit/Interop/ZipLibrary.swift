import CLibZip

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

    /// libzip's version, or why it could not be loaded.
    static var version: String {
        pk_zip_load() != 0 ? String(cString: pk_zip_libzip_version()) : "not loaded (\(String(cString: pk_zip_load_error())))"
    }
}
