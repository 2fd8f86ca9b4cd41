import CLibXML2

/// libxml2 is loaded on first use (a dlopen in `CLibXML2`) rather than at process start, so a conversion that
/// reads no HTML or XML does not load libxml2, nor ICU, libstdc++'s users and liblzma behind it. Code that can
/// throw calls `load()` before its first libxml2 call, so a missing library is an error naming it; anywhere
/// else that first call prints the same message and exits with status 70.
enum XMLLibrary {
    /// Loads libxml2 once per process; throws when it cannot be loaded (libxml2 not installed).
    static func load() throws {
        guard pk_xml_load() != 0 else {
            throw PressKitError(.internal, String(cString: pk_xml_load_error()))
        }
    }
}
