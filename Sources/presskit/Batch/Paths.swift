/// Path joins, and path comparisons on UTF-8 bytes. Swift's `String` equality and `hasPrefix` treat canonically equivalent
/// text as equal (NFC and NFD "é"), but the file system keeps such names apart, so paths compare as bytes.
enum Paths {
    /// `folder/name`, one slash between them whether or not `folder` ends with one.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    /// Whether `path` lies strictly inside `folder` (both canonical).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        relative(path, to: folder) != nil
    }

    /// `path` relative to `folder` if it lies strictly inside it.
    static func relative(_ path: String, to folder: String) -> String? {
        let p = Array(path.utf8), f = Array(folder.utf8)
        let cut = f.last == UInt8(ascii: "/") ? f.count : f.count + 1
        guard p.count > cut, p.starts(with: f), f.last == UInt8(ascii: "/") || p[f.count] == UInt8(ascii: "/") else {
            return nil
        }
        return String(decoding: p[cut...], as: UTF8.self)
    }
}
