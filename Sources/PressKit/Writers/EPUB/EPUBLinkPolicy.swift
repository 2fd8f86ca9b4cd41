/// Which links survive inside the book. Links that would be dead there (site-relative paths, other
/// schemes, fragments of anchors the chapter does not have) become their plain content: epubcheck counts
/// dead links as errors, and a reader cannot follow them anyway.
enum EPUBLinkPolicy {
    /// The target to write for `target`, or nil to keep only the link's content. `fragments` maps the
    /// source's anchor names to the ids they have in the chapter.
    static func target(_ target: String, fragments: [String: String]) -> String? {
        let t = target.trimmingWhitespaceScalars
        if t.hasPrefix("#") {
            let name = EPUBMediaType.percentDecoded(String(t.dropFirst()))
            return fragments[name].map { "#" + $0 }
        }
        let lower = t.fastLowercased()
        if lower.hasPrefix("//") { return web("https:" + t) }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return web(t) }
        if lower.hasPrefix("mailto:") { return mailto(t) }
        return nil
    }

    /// An http(s) URL with a plausible host, percent-encoding what a URI may not contain; nil otherwise.
    static func web(_ url: String) -> String? {
        if ASCIIText.isASCII(url) { return asciiHasPlausibleHost(url) ? encoded(url) : nil }
        return characterWeb(url)
    }

    /// `characterWeb`'s host check on the bytes of an ASCII URL (every byte is a Character there, but for
    /// CR LF, which is none of the delimiters looked for): the authority after the first "://" up to "/", "?"
    /// or "#"; its last non-empty "@" piece; unless that starts with "[", its first non-empty ":" piece.
    static func asciiHasPlausibleHost(_ url: String) -> Bool {
        guard let schemeEnd = ByteScan.firstOffset(of: "://", inUTF8: url) else { return false }
        var url = url
        return url.withUTF8 { u -> Bool in
            let start = schemeEnd + 3
            var end = start
            while end < u.count, u[end] != 47, u[end] != 63, u[end] != 35 { end += 1 }
            // The last non-empty piece between "@"s.
            var pieceEnd = end
            while pieceEnd > start, u[pieceEnd - 1] == 64 { pieceEnd -= 1 }
            var pieceStart = pieceEnd
            while pieceStart > start, u[pieceStart - 1] != 64 { pieceStart -= 1 }
            var hostStart = pieceStart, hostEnd = pieceEnd
            if hostStart == hostEnd || u[hostStart] != 91 {
                // The first non-empty piece between ":"s.
                while hostStart < pieceEnd, u[hostStart] == 58 { hostStart += 1 }
                hostEnd = hostStart
                while hostEnd < pieceEnd, u[hostEnd] != 58 { hostEnd += 1 }
            }
            guard hostStart < hostEnd, u[hostStart] != 46, u[hostStart] != 45 else { return false }
            for i in hostStart..<hostEnd where !isHostCharacter(Unicode.Scalar(u[i])) { return false }
            return true
        }
    }

    /// The same on Characters, for URLs with non-ASCII characters (a combining mark can join a delimiter).
    static func characterWeb(_ url: String) -> String? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.split(separator: "@").last.map(String.init) ?? ""
        let host = hostPort.hasPrefix("[") ? hostPort : String(hostPort.split(separator: ":").first ?? "")
        guard !host.isEmpty, host.unicodeScalars.allSatisfy({ isHostCharacter($0) }),
              !host.hasPrefix("."), !host.hasPrefix("-") else { return nil }
        return encoded(url)
    }

    static func mailto(_ url: String) -> String? {
        let address = url.dropFirst("mailto:".count)
        guard address.contains("@"), !address.contains(where: { $0.isWhitespace }) else { return nil }
        return encoded(url)
    }

    static func isHostCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "-", "[", "]", ":", "_": return true
        default: return s.value > 0x7F
        }
    }

    /// Percent-encodes bytes a URI may not hold literally (space, quotes, angle brackets, controls,
    /// non-ASCII, stray `%`, brackets outside the host, a second `#`), leaving everything else as written.
    static func encoded(_ url: String) -> String {
        let u = Array(url.utf8)
        // The authority (where an IPv6 host may use brackets) runs from "//" to the next "/", "?" or "#".
        var authority = 0..<0
        if let start = ByteScan.firstOffset(of: "//", inUTF8: url) {
            var end = start + 2
            while end < u.count, u[end] != 47, u[end] != 63, u[end] != 35 { end += 1 }
            authority = (start + 2)..<end
        }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(u.count + 16)
        var seenHash = false
        for (i, b) in u.enumerated() {
            var keep: Bool
            switch b {
            case 37: keep = i + 2 < u.count && isHex(u[i + 1]) && isHex(u[i + 2])
            case 91, 93: keep = authority.contains(i)
            case 35: keep = !seenHash; seenHash = true
            default: keep = isURICharacter(b)
            }
            if keep { out.append(b) } else { out += [37, hex[Int(b >> 4)], hex[Int(b & 15)]] }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isHex(_ b: UInt8) -> Bool { (48...57).contains(b) || (65...70).contains(b) || (97...102).contains(b) }

    /// RFC 3986 unreserved and reserved characters.
    static func isURICharacter(_ b: UInt8) -> Bool {
        switch b {
        case 48...57, 65...90, 97...122: return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"),
             UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","),
             UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }
}
