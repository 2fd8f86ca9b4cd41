/// FNV-1a, 64 bits, over bytes: stable across machines, runs and Swift versions (unlike `Hasher`, which is
/// seeded per process). Shards (`ShardSpec`), the output index (`OutputIndex`) and long temporary names
/// (`FileSystem.temporaryName`) use it.
enum FNV1a {
    static func hash64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
