import Synchronization

/// The `styles.xml` parts a process has scanned, so that a batch of releases made from one template
/// inflates and scans the template's styles once. A part is recognised by its central-directory
/// CRC-32, size, compressed size and compression method, then verified byte for byte against the stored
/// (compressed) bytes; only then is the earlier scan reused, and the archive's limits are applied as if
/// the part had been inflated (`ZipReader.admit`). Same bytes, same scan: the reading does not depend on
/// the cache. A part is kept from its second sighting on (a single conversion reads its part once, as without
/// the cache). Bounded: at most `maxEntries` parts, each at most `maxPartSize` uncompressed.
final class DOCXStylesCache: Sendable {
    static let shared = DOCXStylesCache()

    static let maxEntries = 8
    static let maxPartSize = 4 << 20

    /// What a part was made into: its scan, or (when the scan was unsure) the whole part's style sheet.
    enum Parsed: Sendable {
        case selection(DOCXStyleSelection)
        case whole(DOCXStyleSheet)

        /// The part scanned, or parsed whole when the scan is unsure.
        init(_ bytes: [UInt8], name: String) throws {
            if let selection = DOCXStyleSelection(bytes) {
                self = .selection(selection)
            } else {
                self = .whole(DOCXStyleSheet(try XMLReader.parse(bytes, name: name)))
            }
        }
    }

    private struct Key: Hashable {
        var crc: UInt32
        var size: Int
        var compressedSize: Int
        var method: Int32
    }

    private struct Cached {
        var stored: [UInt8]
        var parsed: Parsed
        /// Style sheets made from the selection, by the set of style ids they hold.
        var sheets: [Set<String>: DOCXStyleSheet] = [:]
    }

    /// Style sheets kept per part (documents from one template use a few sets of styles).
    static let maxSheetsPerPart = 32

    /// The style sheet of the styles part `entry` of `zip` for a document using the styles `used`: the
    /// part scanned (or its scan reused), the used styles with the default paragraph style and their
    /// `basedOn` chains parsed (or the sheet made for the same set before reused).
    func styleSheet(_ entry: ZipReader.Entry, in zip: ZipReader, name: String, used: Set<String>) throws -> DOCXStyleSheet {
        let (parsed, key) = try self.parsed(entry, in: zip, name: name)
        switch parsed {
        case .whole(let sheet):
            return sheet
        case .selection(let selection):
            let wanted = selection.closure(used.union(selection.defaultParagraphIds))
            if let key, let sheet = state.withLock({ $0.cached[key]?.sheets[wanted] }) { return sheet }
            let sheet = try DOCXStyleSheet.read(selection, keeping: wanted, name: name)
            if let key {
                state.withLock { state in
                    guard state.cached[key] != nil, state.cached[key]!.sheets.count < Self.maxSheetsPerPart else { return }
                    state.cached[key]!.sheets[wanted] = sheet
                }
            }
            return sheet
        }
    }

    private struct State {
        var cached: [Key: Cached] = [:]
        /// Keys, oldest first (the oldest goes when the cache is full).
        var order: [Key] = []
        /// Parts seen once and not cached yet (at most `maxEntries` × 4 remembered).
        var seen: Set<Key> = []
    }

    private let state = Mutex(State())

    /// The styles part `entry` of `zip`, scanned or parsed (from the cache when its bytes were seen), and
    /// its key when it is in the cache.
    private func parsed(_ entry: ZipReader.Entry, in zip: ZipReader, name: String) throws -> (Parsed, Key?) {
        let key = Key(crc: entry.crc, size: entry.size, compressedSize: entry.compressedSize, method: entry.compressionMethod)
        // The stored bytes are read (to verify a hit, or to cache) only for a part seen before.
        let cacheable = entry.size <= Self.maxPartSize && entry.compressionMethod >= 0 && state.withLock { state in
            if state.cached[key] != nil || state.seen.contains(key) { return true }
            if state.seen.count >= Self.maxEntries * 4 { state.seen.removeAll() }
            state.seen.insert(key)
            return false
        }
        let stored = cacheable ? try zip.storedBytes(entry, limit: Self.maxPartSize) : nil
        if let stored {
            let hit = state.withLock { state -> Parsed? in
                guard let cached = state.cached[key], cached.stored == stored else { return nil }
                return cached.parsed
            }
            if let hit {
                try zip.admit(entry)
                return (hit, key)
            }
        }
        let parsed = try Parsed(try zip.read(entry), name: name)
        if let stored {
            state.withLock { state in
                if state.cached[key] == nil {
                    if state.order.count >= Self.maxEntries { state.cached[state.order.removeFirst()] = nil }
                    state.order.append(key)
                }
                state.cached[key] = Cached(stored: stored, parsed: parsed)
            }
        }
        return (parsed, stored == nil ? nil : key)
    }
}
