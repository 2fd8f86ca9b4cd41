import PressKit
#if canImport(Glibc)
import Glibc
#endif

/// Images and other resources for writers, read only from each input's folder (and its subfolders) or from
/// folders named with --resource-path. A relative path is resolved (`.`, `..` and symbolic links) and read
/// when its real path lies inside one of those folders; absolute paths, paths that escape all of them,
/// `file:` URLs and network URLs are refused.
struct FileResources: ResourceResolver {
    /// For each input, in order, its folder's canonical path (nil for standard input).
    let inputRoots: [String?]
    let extraRoots: [String]
    let limit = 64 << 20

    init(inputs: [String], resourcePaths: [String]) {
        inputRoots = inputs.map { $0 == "-" ? nil : FileSystem.realPath(FileSystem.directoryName($0)) }
        extraRoots = resourcePaths.compactMap(FileSystem.realPath)
    }

    func lookup(_ reference: String, document: Int) -> ResourceLookup {
        let lower = reference.lowercased()
        if let colon = lower.firstIndex(of: ":"), lower[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }),
           lower.distance(from: lower.startIndex, to: colon) > 1 {
            let scheme = String(lower[..<colon])
            if scheme == "http" || scheme == "https" || scheme == "ftp" {
                return .refused("remote resources are never downloaded")
            }
            return .refused("\(scheme): URLs are not read")
        }
        if reference.hasPrefix("/") || reference.hasPrefix("\\") || reference.hasPrefix("//") {
            return .refused("absolute paths are not read")
        }
        var path = reference
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        path = Self.percentDecoded(path)
        if path.isEmpty { return .refused("empty reference") }
        guard let relative = Self.normalized(path) else { return .refused("empty reference") }
        var roots: [String] = []
        if document >= 0, document < inputRoots.count, let root = inputRoots[document] { roots.append(root) }
        roots += extraRoots
        if roots.isEmpty { return .refused("no resource folder (standard input; use --resource-path)") }
        // Resolved against each root in turn; what it resolves to must lie inside one of the roots (the input's
        // folder or a --resource-path folder), whichever: `../img/a.png` from `md/` is read when a
        // --resource-path folder holds both `md/` and `img/`.
        var escaped = false
        for root in roots {
            let candidate = root + "/" + relative
            guard let real = FileSystem.realPath(candidate) else { continue }
            guard roots.contains(where: { real.hasPrefix($0 == "/" ? "/" : $0 + "/") }) else {
                escaped = true
                continue
            }
            if FileSystem.isDirectory(real) { return .refused("is a folder") }
            do {
                return .found(try FileSystem.readInput(real, limit: limit))
            } catch {
                return .refused("cannot be read")
            }
        }
        if escaped || relative.hasPrefix("../") || relative == ".." {
            return .refused("paths leading out of the input's folder and the --resource-path folders are not read")
        }
        return .refused("not found")
    }

    /// The path with `.` and `name/..` removed (`./sub/../ok.png` is `ok.png`); leading `..` stay. Nil when
    /// nothing is left.
    static func normalized(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    static func percentDecoded(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var bytes: [UInt8] = []
        var utf8 = Array(s.utf8)[...]
        while let b = utf8.popFirst() {
            if b == UInt8(ascii: "%"), utf8.count >= 2,
               let v = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
