import PressKit

/// `--shard K/N`: this run converts only part K (1-based) of N deterministic parts of the file list.
/// A file belongs to part `FNV-1a-64(relative path bytes) mod N + 1`, so every machine that sees the same
/// folder computes the same partition without talking to the others.
struct ShardSpec: Equatable, CustomStringConvertible {
    /// 1-based part number.
    let index: Int
    let count: Int

    /// The largest N.
    static let maxCount = 1_000_000

    /// Parses "K/N" with 1 ≤ K ≤ N ≤ 1000000; anything else (negative, huge, not numbers) is a usage error
    /// stating that range.
    init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let range = "K/N with 1 ≤ K ≤ N ≤ \(Self.maxCount) (for example 2/8)"
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw PressKitError(.usage, "--shard takes \(range), not '\(text)'")
        }
        guard n >= 1, n <= Self.maxCount else {
            throw PressKitError(.usage, "--shard takes \(range): N must be between 1 and \(Self.maxCount), not '\(text)'")
        }
        guard k >= 1, k <= n else {
            throw PressKitError(.usage, "--shard K/N: K counts from 1 and must be at most N (1/\(n) … \(n)/\(n)), not \(k)")
        }
        index = k
        count = n
    }

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    var description: String { "\(index)/\(count)" }

    /// Whether the file at `relativePath` belongs to this part.
    func owns(_ relativePath: String) -> Bool {
        count == 1 || Int(Self.fnv1a64(relativePath) % UInt64(count)) == index - 1
    }

    /// FNV-1a 64 of the path's UTF-8 bytes.
    static func fnv1a64(_ text: String) -> UInt64 {
        FNV1a.hash64(text.utf8)
    }
}
