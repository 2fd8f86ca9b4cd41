import PressKit

/// `--shard K/N`: this run converts only part K (1-based) of N deterministic parts of the file list.
/// A file belongs to part `FNV-1a-64(relative path bytes) mod N + 1`, so every machine that sees the same
/// folder computes the same partition without talking to the others.
struct ShardSpec: Equatable, CustomStringConvertible {
    /// 1-based part number.
    let index: Int
    let count: Int

    /// Parses "K/N" with 1 ≤ K ≤ N.
    init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw PressKitError(.usage, "--shard takes K/N (for example 2/8), not '\(text)'")
        }
        guard n >= 1, n <= 1_000_000 else { throw PressKitError(.usage, "--shard K/N: N must be between 1 and 1000000") }
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

    /// FNV-1a, 64 bits, over the UTF-8 bytes: stable across machines, runs and Swift versions
    /// (unlike `Hasher`, which is seeded per process).
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
