#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts bytes in a named charset to UTF-8 with iconv. Bytes that are not valid in the charset become
/// U+FFFD, never dropped silently. The only file that calls iconv.
enum Iconv {
    /// UTF-8 bytes, or nil when iconv does not know `charset`.
    static func toUTF8(_ input: [UInt8], from charset: String) -> [UInt8]? {
        let cd = iconv_open("UTF-8", charset)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var output = [UInt8]()
        output.reserveCapacity(input.count + input.count / 2 + 16)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        input.withUnsafeBufferPointer { inBuf in
            var inPtr = UnsafeMutablePointer<CChar>(mutating: UnsafeRawPointer(inBuf.baseAddress ?? UnsafePointer<UInt8>(bitPattern: 1)!)
                .assumingMemoryBound(to: CChar.self))
            var inLeft = inBuf.count
            chunk.withUnsafeMutableBufferPointer { outBuf in
                let outBase = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                while true {
                    var outPtr: UnsafeMutablePointer<CChar>? = outBase
                    var outLeft = outBuf.count
                    var inOpt: UnsafeMutablePointer<CChar>? = inPtr
                    let result = inLeft > 0 ? iconv(cd, &inOpt, &inLeft, &outPtr, &outLeft)
                                            : iconv(cd, nil, nil, &outPtr, &outLeft)
                    let savedErrno = errno
                    inPtr = inOpt ?? inPtr
                    let produced = outBuf.count - outLeft
                    output.append(contentsOf: UnsafeRawBufferPointer(start: outBuf.baseAddress, count: produced))
                    if result != -1 {
                        if inLeft == 0 { break }
                        continue
                    }
                    switch savedErrno {
                    case E2BIG:
                        continue
                    case EILSEQ, EINVAL:
                        // An invalid or truncated sequence: one replacement character, skip one byte.
                        output.append(contentsOf: replacement)
                        inPtr += 1
                        inLeft -= 1
                        if inLeft == 0 { break }
                    default:
                        output.append(contentsOf: replacement)
                        inLeft = 0
                    }
                    if inLeft == 0 {
                        _ = iconv(cd, nil, nil, nil, nil)
                        break
                    }
                }
            }
        }
        return output
    }
}
