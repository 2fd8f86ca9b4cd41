/// The book's `dc:identifier`: a name-based UUID (version 5, SHA-1) so that the same input always gives the
/// same identifier. A single release with a source URL gets `uuid5(NAMESPACE_URL, url)` (what any UUID
/// library computes for that URL); otherwise the name is a fingerprint of the releases' content.
enum EPUBIdentifier {
    /// RFC 4122's namespace for URLs, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
    static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                        0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    /// `urn:uuid:…` for these documents.
    static func identifier(for documents: [Document]) -> String {
        if documents.count == 1, let source = source(documents[0].metadata) {
            return "urn:uuid:" + uuid5(namespace: urlNamespace, name: Array(source.utf8))
        }
        var name = Array("presskit-epub-content\n".utf8)
        for document in documents {
            name += fingerprint(document)
            name.append(10)
        }
        return "urn:uuid:" + uuid5(namespace: urlNamespace, name: name)
    }

    /// The source URL if there is one, else a SHA-1 of the title, date and text: each block's plain text
    /// (`Block.plainText`) and a newline, hashed as the projection hands its pieces over.
    static func fingerprint(_ document: Document) -> [UInt8] {
        fingerprint(document.metadata) { sha in
            for block in document.blocks {
                PlainTextProjection.standard.write(block, into: &sha)
                sha.update(byte: 10)
            }
        }
    }

    /// The same fingerprint from each block's plain text, when the caller has it already.
    static func fingerprint(_ metadata: Metadata, blockTexts: [String]) -> [UInt8] {
        fingerprint(metadata) { sha in
            for text in blockTexts {
                sha.update(text)
                sha.update(byte: 10)
            }
        }
    }

    /// The source URL, or the title and date, each followed by a zero byte, then what `blocks` hashes.
    private static func fingerprint(_ metadata: Metadata, blocks: (inout SHA1) -> Void) -> [UInt8] {
        if let source = source(metadata) { return Array(source.utf8) }
        var sha = SHA1()
        sha.update(metadata.title ?? "")
        sha.update(byte: 0)
        sha.update(metadata.date ?? "")
        sha.update(byte: 0)
        blocks(&sha)
        return hexBytes(sha.finish())
    }

    /// A release's source URL, trimmed, when it has one.
    private static func source(_ metadata: Metadata) -> String? {
        guard let source = metadata.source?.trimmingWhitespaceScalars, !source.isEmpty else { return nil }
        return source
    }

    /// An RFC 4122 version-5 UUID in its lower-case text form (8-4-4-4-12 hex digits).
    static func uuid5(namespace: [UInt8], name: [UInt8]) -> String {
        var sha = SHA1()
        sha.update(namespace)
        sha.update(name)
        var bytes = Array(sha.finish().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(b >> 4)])
            text.append(hexDigits[Int(b & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// `bytes` as lower-case hex digits (UTF-8).
    static func hexBytes(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0x0F)])
        }
        return out
    }

    static func hex(_ bytes: [UInt8]) -> String { String(decoding: hexBytes(bytes), as: UTF8.self) }
}

/// SHA-1 (FIPS 180-4), enough for name-based UUIDs; not for security. A plain-text sink: the pieces of a
/// plain text go straight into the hash. Hashed by libcrypto when the process has it loaded (`LoadedSHA1`:
/// the DOCX and EPUB writers load libzip, which brings it), else by the code below; the digest is the same.
struct SHA1: PlainTextSink {
    static func += (sha: inout SHA1, piece: String) { sha.update(piece) }

    /// libcrypto's context, shared by copies of this value until one of them writes (then copied).
    private var loaded: LoadedSHA1?
    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    init() { self.init(portable: false) }

    /// `portable`: hash with the code below even when libcrypto is loaded (what the tests hold it to).
    init(portable: Bool) {
        loaded = portable ? nil : LoadedSHA1()
        if loaded == nil { buffer.reserveCapacity(64) }
    }

    /// libcrypto's context to write to, copied first when another value shares it; nil without libcrypto.
    private mutating func loadedForWriting() -> LoadedSHA1? {
        guard loaded != nil else { return nil }
        if !isKnownUniquelyReferenced(&loaded) {
            guard let copy = loaded?.copy() else { fatalError("SHA-1: out of memory copying a context") }
            loaded = copy
        }
        return loaded
    }

    /// The SHA-1 of `bytes`.
    static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var sha = SHA1()
        sha.update(bytes)
        return sha.finish()
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update($0) }
    }

    /// The UTF-8 bytes of `text` (no copy of a native string).
    mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update($0) }
    }

    mutating func update(byte: UInt8) {
        if let loaded = loadedForWriting() {
            withUnsafePointer(to: byte) { loaded.update(UnsafeBufferPointer(start: $0, count: 1)) }
            return
        }
        length &+= 1
        buffer.append(byte)
        if buffer.count == 64 { processBuffer() }
    }

    mutating func update(_ p: UnsafeBufferPointer<UInt8>) {
        if let loaded = loadedForWriting() {
            loaded.update(p)
            return
        }
        length &+= UInt64(p.count)
        var start = 0
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, p.count)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: p[0..<take]))
            start = take
            if buffer.count == 64 { processBuffer() }
        }
        while start + 64 <= p.count {
            h = Self.compress(h, p, at: start)
            start += 64
        }
        if start < p.count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: p[start...])) }
    }

    /// Hashes the 64 bytes gathered in `buffer` and empties it (its storage kept).
    private mutating func processBuffer() {
        h = buffer.withUnsafeBufferPointer { Self.compress(h, $0, at: 0) }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func finish() -> [UInt8] {
        if let loaded = loadedForWriting() {
            self.loaded = nil
            return loaded.finish()
        }
        let bits = length &* 8
        var tail: [UInt8] = [0x80]
        while (buffer.count + tail.count) % 64 != 56 { tail.append(0) }
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        let saved = length
        update(tail)
        length = saved
        var out: [UInt8] = []
        for word in [h.0, h.1, h.2, h.3, h.4] {
            out += [UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8),
                    UInt8(truncatingIfNeeded: word)]
        }
        return out
    }

    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32)

    /// The state after the 64-byte block of `p` at `offset`.
    private static func compress(_ h: State, _ p: UnsafeBufferPointer<UInt8>, at offset: Int) -> State {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            for i in 0..<16 {
                let j = offset + i * 4
                w[i] = UInt32(p[j]) << 24 | UInt32(p[j + 1]) << 16 | UInt32(p[j + 2]) << 8 | UInt32(p[j + 3])
            }
            for i in 16..<80 {
                let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
                w[i] = x << 1 | x >> 31
            }
            var (a, b, c, d, e) = h
            // The four rounds as four loops (no switch on the round in the inner loop).
            for i in 0..<20 {
                let t = (a << 5 | a >> 27) &+ ((b & c) | (~b & d)) &+ e &+ 0x5A82_7999 &+ w[i]
                e = d; d = c; c = b << 30 | b >> 2; b = a; a = t
            }
            for i in 20..<40 {
                let t = (a << 5 | a >> 27) &+ (b ^ c ^ d) &+ e &+ 0x6ED9_EBA1 &+ w[i]
                e = d; d = c; c = b << 30 | b >> 2; b = a; a = t
            }
            for i in 40..<60 {
                let t = (a << 5 | a >> 27) &+ ((b & c) | (b & d) | (c & d)) &+ e &+ 0x8F1B_BCDC &+ w[i]
                e = d; d = c; c = b << 30 | b >> 2; b = a; a = t
            }
            for i in 60..<80 {
                let t = (a << 5 | a >> 27) &+ (b ^ c ^ d) &+ e &+ 0xCA62_C1D6 &+ w[i]
                e = d; d = c; c = b << 30 | b >> 2; b = a; a = t
            }
            return (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
        }
    }
}
