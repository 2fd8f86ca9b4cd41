import CCMark
import CLibXML2
import CLibZip

/// The versions of the C libraries behind presskit (what `presskit --version` prints). libxml2, libzip and
/// uchardet are loaded on first use, not at start-up, so their versions here are those of the headers
/// presskit was built against (the run time loads the same sonames: libxml2.so.2, libzip.so.4,
/// libuchardet.so.0); printing them loads nothing.
enum LibraryVersions {
    static var all: [(name: String, version: String)] {
        [("libxml2", LIBXML_DOTTED_VERSION + " (built against; loaded on first use)"),
         ("libzip", LIBZIP_VERSION + " (built against; loaded on first use)"),
         ("cmark-gfm", String(cString: cmark_version_string())),
         ("uchardet", "loaded on first use (the library reports no version)")]
    }
}
