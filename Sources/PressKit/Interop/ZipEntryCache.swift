import CLibZip
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Deflated copies of zip entries that recur across archives in one process (DOCX styles, numbering,
/// settings and font table; the EPUB container and stylesheet), so a batch compresses each of them once.
///
/// An entry's bytes are counted on sight; from the second sighting on, the entry is deflated once into a
/// one-entry archive kept here, and every later archive copies the compressed bytes from it
/// (`zip_source_zip` with `ZIP_FL_COMPRESSED`) instead of running zlib again. The copied bytes are the
/// ones libzip would have produced for the same entry, so the output does not depend on the cache.
/// A part shipped precompressed (`ZipSeeds`: the constant DOCX and EPUB parts) is used from its first
/// sighting on, so a process writing a single file gains too.
/// Bounded: at most `maxEntries` cached parts and `maxBytes` of cached input, not counting the seeded parts
/// (a fixed set, a few dozen small templates at most).
final class ZipEntryCache: Sendable {
    static let shared = ZipEntryCache()

    /// Entries smaller than this are not worth a lookup. Deflating even a tiny entry afresh costs a zlib
    /// stream set-up (about 140,000 instructions: its hash table is cleared), so small constant parts such as
    /// EPUB's `META-INF/container.xml` (244 bytes) and DOCX's `docProps/app.xml` are worth caching too.
    static let minimumSize = 128
    static let maxEntries = 64
    static let maxBytes = 8 * 1024 * 1024
    static let maxSightings = 4096

    private struct Cached {
        var bytes: [UInt8]
        var template: ZipTemplate
    }

    /// Fingerprints in sorted arrays searched by halves, not dictionaries: a `[UInt64: …]` cost each process
    /// writing one DOCX or EPUB a dictionary type's first use (about 0.24 M instructions apiece).
    private struct State {
        /// Fingerprints seen once (cleared when `maxSightings` is reached).
        var sightings: [UInt64] = []
        /// Fingerprints of the cached parts, and the parts at the same places.
        var cachedKeys: [UInt64] = []
        var cached: [Cached] = []
        /// Cached parts deflated in this process (seeded ones are not counted) and their bytes.
        var cachedEntries = 0
        var cachedBytes = 0

        func cachedPart(_ key: UInt64) -> Cached? {
            let (found, index) = ZipEntryCache.place(of: key, in: cachedKeys)
            return found ? cached[index] : nil
        }

        mutating func keep(_ part: Cached, as key: UInt64) {
            let (found, index) = ZipEntryCache.place(of: key, in: cachedKeys)
            guard !found else { return }
            cachedKeys.insert(key, at: index)
            cached.insert(part, at: index)
        }

        func sawBefore(_ key: UInt64) -> Bool { ZipEntryCache.place(of: key, in: sightings).found }

        mutating func see(_ key: UInt64) {
            let (found, index) = ZipEntryCache.place(of: key, in: sightings)
            if !found { sightings.insert(key, at: index) }
        }

        mutating func forget(_ key: UInt64) {
            let (found, index) = ZipEntryCache.place(of: key, in: sightings)
            if found { sightings.remove(at: index) }
        }
    }

    /// Where `key` is in the sorted `keys`, or where it would go.
    static func place(of key: UInt64, in keys: [UInt64]) -> (found: Bool, index: Int) {
        let index = SortedSearch.lowerBound(count: keys.count) { keys[$0] < key }
        return (index < keys.count && keys[index] == key, index)
    }

    private let state = Mutex(State())

    /// The template holding `bytes` deflated (with its opened copies), when these bytes were seen before or
    /// are a seed (`ZipSeeds`).
    func template(for bytes: [UInt8]) -> ZipTemplate? {
        guard bytes.count >= Self.minimumSize else { return nil }
        let key = Self.fingerprint(bytes)
        let known: Cached?? = state.withLock { state in
            if let cached = state.cachedPart(key) { return .some(Self.same(cached.bytes, bytes) ? cached : nil) }
            let seen = state.sawBefore(key)
            if !seen, let archive = ZipSeeds.archive(for: bytes, fingerprint: key) {
                // First sighting of a part shipped precompressed: kept, outside the bounds.
                let seeded = Cached(bytes: bytes, template: ZipTemplate(archive))
                state.keep(seeded, as: key)
                return .some(seeded)
            }
            if !seen {
                if state.sightings.count >= Self.maxSightings { state.sightings.removeAll(keepingCapacity: true) }
                state.see(key)
                return .none
            }
            return .some(nil)
        }
        switch known {
        case .none:
            return nil
        case .some(.some(let cached)):
            return cached.template
        case .some(.none):
            // Seen before (or a fingerprint clash with other bytes): deflate once, keep it if there is room.
            guard let archive = try? ZipArchive.deflatedSingleEntry(bytes) else { return nil }
            let template = ZipTemplate(archive)
            state.withLock { state in
                guard state.cachedPart(key) == nil, state.cachedEntries < Self.maxEntries,
                      state.cachedBytes + bytes.count + archive.count <= Self.maxBytes else { return }
                state.keep(Cached(bytes: bytes, template: template), as: key)
                state.cachedEntries += 1
                state.cachedBytes += bytes.count + archive.count
                state.forget(key)
            }
            return template
        }
    }

    /// The cached parts that count against `maxEntries` and `maxBytes` (the seeded ones do not), and their bytes.
    var bounded: (entries: Int, bytes: Int) {
        state.withLock { ($0.cachedEntries, $0.cachedBytes) }
    }

    /// A 64-bit hash of the bytes and their count: eight bytes a step (multiply, rotate), then the tail
    /// a byte a step, as FNV-1a; a final mix spreads the bits.
    static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            let count = raw.count
            var offset = 0
            while offset + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                hash = ((hash ^ word) &* 0x9E37_79B9_7F4A_7C15)
                hash = (hash << 29) | (hash >> 35)
                offset += 8
            }
            while offset < count {
                hash ^= UInt64(raw[offset])
                hash &*= 0x100_0000_01b3
                offset += 1
            }
        }
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }

    /// Whether two byte arrays are equal (memcmp, not an element-by-element loop).
    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }
}

/// A one-entry deflated archive that archives being written copy an entry from, with the copies of it
/// opened by libzip (`zip_open_from_source`) that are not in use: an opened copy serves one archive at a
/// time, and goes back for the next one once that archive is closed (its entry sources freed), so a batch
/// opens each template about once per worker thread instead of once per file (about 9,000 instructions a
/// part: copying the bytes, reading the central directory, freeing it all again).
final class ZipTemplate: Sendable {
    let archive: [UInt8]
    /// Opened copies not in use, as addresses (libzip handles are not `Sendable`; each is used by one thread
    /// at a time, between `checkOut` and `checkIn`).
    private let idle = Mutex<[UInt]>([])
    static let maxIdle = 4

    init(_ archive: [UInt8]) { self.archive = archive }

    /// An opened copy for one archive being written (libzip must be loaded); nil if it cannot be opened.
    func checkOut() -> OpaquePointer? {
        if let address = idle.withLock({ $0.popLast() }), let handle = OpaquePointer(bitPattern: address) { return handle }
        return ZipLibrary.openInMemory(archive)
    }

    /// Takes back a copy whose borrowing archive has been closed; one more than `maxIdle` is discarded.
    func checkIn(_ handle: OpaquePointer) {
        let kept = idle.withLock { idle -> Bool in
            guard idle.count < Self.maxIdle else { return false }
            idle.append(UInt(bitPattern: handle))
            return true
        }
        if !kept { pk_zip_discard(handle) }
    }

    deinit {
        for address in idle.withLock({ $0 }) {
            if let handle = OpaquePointer(bitPattern: address) { pk_zip_discard(handle) }
        }
    }
}
