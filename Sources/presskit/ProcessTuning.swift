#if canImport(Glibc)
import Glibc
#endif

/// Process-wide settings for a conversion run (one file, a folder batch, a stream of records): set once,
/// before any worker thread starts. A single small release to DOCX opens 11 zlib streams, and glibc's defaults
/// hand each one's memory back and fault it in afresh (926 → 718 page faults for one release to DOCX).
enum ProcessTuning {
    /// Both settings below; called by the single-file conversion, `BatchConversion` and `StreamConversion`
    /// before anything is read.
    static func forConversion() {
        keepTimeZoneLoaded()
        keepFreedMemory()
    }

    /// libzip turns every entry's DOS time into seconds and back with `mktime`/`localtime` (about 20 calls a
    /// DOCX). With TZ unset, glibc checks /etc/localtime again on each call (a `stat`) while holding its
    /// process-wide time-zone lock, so the worker threads queue on that lock. TZ naming the same file gives
    /// the same zone, which glibc then keeps: no `stat`, the lock held for a few instructions. Set before
    /// the worker threads start; a TZ the user set is left alone.
    private static func keepTimeZoneLoaded() {
        #if canImport(Glibc)
        if getenv("TZ") == nil { setenv("TZ", ":/etc/localtime", 0) }
        #endif
    }

    /// glibc gives freed memory back to the system as soon as more than 128 KB lie free at the top of a
    /// heap (a worker thread's heap: `madvise`, about two calls a file), and serves blocks of 128 KB or more
    /// (zlib's deflate state, about 380 KB an entry stream) with `mmap`; the next file then faults every
    /// page in afresh: about 38 page faults a file (30,200 for 800 EPUBs), 15-25 % of a batch's CPU time.
    /// Keeping up to 4 MB free per heap and serving blocks below 1 MB from the heap leaves 900 faults for
    /// the 800 files, with the same peak memory (16-18 MB). Large pages are still given back
    /// (`HeapTrim` after a page of 4 MB or more). Set before the workers start; a user's own malloc
    /// settings (`GLIBC_TUNABLES`, `MALLOC_TRIM_THRESHOLD_`, `MALLOC_MMAP_THRESHOLD_`) are left alone.
    private static func keepFreedMemory() {
        #if canImport(Glibc)
        guard getenv("GLIBC_TUNABLES") == nil, getenv("MALLOC_TRIM_THRESHOLD_") == nil,
              getenv("MALLOC_MMAP_THRESHOLD_") == nil else { return }
        // `mallopt` is declared in <malloc.h>, which the Glibc module does not import (as `malloc_trim` in
        // `HeapTrim`): looked up by name. M_TRIM_THRESHOLD is -1, M_MMAP_THRESHOLD -3.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(-3, 1 << 20)
        _ = mallopt(-1, 4 << 20)
        #endif
    }
}
