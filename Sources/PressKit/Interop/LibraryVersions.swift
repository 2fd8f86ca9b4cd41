import CCMark
import CLibXML2
import CLibZip

/// The versions of the C libraries behind presskit (what `presskit --version` prints). libxml2, libzip,
/// cmark-gfm and uchardet are loaded on first use, not at start-up, so their versions here are those of the
/// headers presskit was built against (the run time loads the same sonames: libxml2.so.2, libzip.so.4,
/// libcmark-gfm.so.0.29.0.gfm.6, libuchardet.so.0); printing them loads nothing.
enum LibraryVersions {
    static var all: [(name: String, version: String)] {
        [("libxml2", LIBXML_DOTTED_VERSION + " (built against; loaded on first use)"),
         ("libzip", LIBZIP_VERSION + " (built against; loaded on first use)"),
         ("cmark-gfm", CMARK_GFM_VERSION_STRING + " (built against; loaded on first use)"),
         ("uchardet", "loaded on first use (the library reports no version)")]
    }
}
