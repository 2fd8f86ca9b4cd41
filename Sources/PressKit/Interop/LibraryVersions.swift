import CCMark
import CLibXML2
import CLibZip

/// The run-time versions of the C libraries behind presskit (what `presskit --version` prints).
enum LibraryVersions {
    static var all: [(name: String, version: String)] {
        [("libxml2", libxml2), ("libzip", ZipLibrary.version),
         ("cmark-gfm", String(cString: cmark_version_string())),
         ("uchardet", "linked (the library reports no version)")]
    }

    /// libxml2 reports "20914" for 2.9.14.
    static var libxml2: String {
        guard let pointer = __xmlParserVersion()?.pointee else { return "unknown" }
        let digits = String(cString: pointer)
        guard let number = Int(digits) else { return digits }
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }
}
