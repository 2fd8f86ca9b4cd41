/// Decompresses a gzip stream as it is read: one member (whole-file gzip) or many concatenated members
/// (gzip per record, as WARC files are written), read as one continuous stream of bytes whatever the
/// member boundaries. Remembers where each member starts, in both the compressed and the decompressed
/// stream, so a record can be reported at the compressed offset a WARC index would give.
public final class GzipByteSource: ByteSource {
    private let source: any ByteSource
    private var input = [UInt8](repeating: 0, count: 1 << 16)
    private var inStart = 0
    private var inEnd = 0
    private var sourceEnded = false
    private let inflater: GzipInflater
    private var inMember = false
    private var finished = false
    /// Compressed bytes consumed so far.
    private var compressedOffset = 0
    /// Decompressed bytes produced so far.
    private var decompressedOffset = 0
    /// Member starts not yet forgotten: (decompressed offset, compressed offset), in order.
    private var memberStarts: [(decompressed: Int, compressed: Int)] = []
    /// Members read so far.
    public private(set) var memberCount = 0
    /// After corrupt data: looking for the next member's header.
    private var recovering = false
    /// The member was found while recovering and has produced nothing yet: if it fails too, it was a
    /// false start (the magic bytes inside compressed data), not worth a second report.
    private var tentative = false

    public init(_ source: any ByteSource) throws {
        self.source = source
        do {
            inflater = try GzipInflater(.gzip)
        } catch {
            throw StreamInputError(error.message, offset: 0)
        }
    }

    /// The compressed offset of the member holding decompressed offset `position`; forgets earlier members.
    public func memberOffset(containing position: Int) -> Int {
        var index = 0
        while index + 1 < memberStarts.count, memberStarts[index + 1].decompressed <= position { index += 1 }
        if index > 0 { memberStarts.removeFirst(index) }
        return memberStarts.first?.compressed ?? 0
    }

    private func refill() throws -> Bool {
        if sourceEnded { return false }
        if inStart > 0 {
            let count = inEnd - inStart
            if count > 0 { input.replaceSubrange(0..<count, with: input[inStart..<inEnd]) }
            inStart = 0
            inEnd = count
        }
        if inEnd == input.count { input.append(contentsOf: repeatElement(0, count: input.count)) }
        let n = try input.withUnsafeMutableBytes { raw in
            try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[inEnd...]))
        }
        if n == 0 { sourceEnded = true; return false }
        inEnd += n
        return true
    }

    /// Skips to the next gzip member header (1F 8B 08) after corrupt data; false at the end of the input.
    private func findNextMember() throws -> Bool {
        while true {
            var i = inStart
            while i + 2 < inEnd {
                if input[i] == 0x1F, input[i + 1] == 0x8B, input[i + 2] == 0x08 {
                    compressedOffset += i - inStart
                    inStart = i
                    return true
                }
                i += 1
            }
            compressedOffset += i - inStart
            inStart = i
            if try !refill() {
                compressedOffset += inEnd - inStart
                inStart = inEnd
                return false
            }
        }
    }

    /// Reads decompressed bytes. Corrupt data throws a `StreamInputError` once; reading on skips to the
    /// next gzip member (gzip per record: the records after it are read again).
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while !finished {
            if recovering {
                recovering = false
                guard try findNextMember() else { finished = true; return 0 }
                inMember = false
                tentative = true
            }
            if !inMember {
                while inEnd - inStart < 2, try refill() {}
                if inEnd == inStart { finished = true; return 0 }
                if inEnd - inStart < 2 || input[inStart] != 0x1F || input[inStart + 1] != 0x8B {
                    // Zero padding after the last member is common and harmless; anything else is not gzip.
                    if input[inStart..<inEnd].allSatisfy({ $0 == 0 }) {
                        while try refill() {
                            if !input[inStart..<inEnd].allSatisfy({ $0 == 0 }) {
                                throw StreamInputError("data after the last gzip member is not gzip", offset: compressedOffset)
                            }
                            compressedOffset += inEnd - inStart
                            inStart = inEnd
                        }
                        finished = true
                        return 0
                    }
                    throw StreamInputError(memberCount == 0 ? "not gzip data" : "data after a gzip member is not gzip",
                                           offset: compressedOffset)
                }
                if memberCount > 0 || tentative { inflater.reset() }
                memberCount += 1
                memberStarts.append((decompressedOffset, compressedOffset))
                inMember = true
            }
            if inStart == inEnd, try !refill() {
                finished = true
                throw StreamInputError("the gzip data is cut off", offset: memberStarts.last?.compressed ?? compressedOffset)
            }
            let result: (consumed: Int, produced: Int, ended: Bool)
            do {
                result = try input.withUnsafeBytes { raw in
                    try inflater.inflate(UnsafeRawBufferPointer(rebasing: raw[inStart..<inEnd]), into: buffer)
                }
            } catch {
                let message = (error as? GzipInflater.Failure)?.message ?? "\(error)"
                let memberStart = memberStarts.last?.compressed ?? compressedOffset
                // Skip past this member's header and look for the next one.
                inStart = min(inStart + 1, inEnd)
                compressedOffset += 1
                recovering = true
                inMember = false
                if tentative { continue }
                throw StreamInputError(message, offset: memberStart)
            }
            inStart += result.consumed
            compressedOffset += result.consumed
            decompressedOffset += result.produced
            if result.ended { inMember = false }
            if result.produced > 0 {
                tentative = false
                return result.produced
            }
            if !result.ended, result.consumed == 0, inStart < inEnd {
                // zlib made no progress with input at hand and room to write: it needs more input.
                if try !refill() {
                    finished = true
                throw StreamInputError("the gzip data is cut off", offset: memberStarts.last?.compressed ?? compressedOffset)
                }
            }
        }
        return 0
    }
}
