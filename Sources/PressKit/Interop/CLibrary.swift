import CCMark
import CLazyLibrary
import CLibXML2
import CLibZip

/// A C library presskit loads on first use (a `dlopen`: `CLazyLibrary`), named so that a reader or writer can
/// say which ones it needs (`Reader.libraries`, `Writer.libraries`) and a caller can have them loaded ahead
/// on a second thread (`CLibraryPrefetch`). Loading one costs milliseconds (libzip brings libcrypto,
/// libxml2 brings ICU): a third of a small conversion's time when it is done on the converting thread.
public enum CLibrary: Sendable {
    case libxml2
    case libzip
    case cmark

    /// The loader's load function: loads the library once per process, thread-safe.
    var load: pk_lazy_load_function {
        switch self {
        case .libxml2: return pk_xml_load
        case .libzip: return pk_zip_load
        case .cmark: return pk_cmark_load
        }
    }
}

/// Loads C libraries on a second thread, in the order given, while the calling thread goes on; the first
/// call into a library on the calling thread waits for its load under way and fails as it would have
/// (a missing library is the same error). `wait()` when the work is done: no thread outlives it.
public final class CLibraryPrefetch {
    private var handle: UnsafeMutableRawPointer?

    /// Starts loading `libraries` (duplicates skipped); nothing is started for none.
    public init(_ libraries: [CLibrary]) {
        var loads: [pk_lazy_load_function] = []
        var seen: [CLibrary] = []
        for library in libraries where !seen.contains(library) {
            seen.append(library)
            loads.append(library.load)
        }
        handle = loads.isEmpty ? nil : loads.withUnsafeBufferPointer { pk_lazy_prefetch_start($0.baseAddress!, $0.count) }
    }

    /// Waits for the loading thread to finish (at once if it has).
    public func wait() {
        pk_lazy_prefetch_join(handle)
        handle = nil
    }

    deinit { pk_lazy_prefetch_join(handle) }
}
