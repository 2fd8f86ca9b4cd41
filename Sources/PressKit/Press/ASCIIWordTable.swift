/// A fixed set of ASCII words with a small value each, found by their bytes (an FNV-1a hash and open
/// addressing over one byte buffer). Building one costs a few dozen instructions a word, where hashing the
/// same `String`s into a `Dictionary` or `Set` on first use cost 0.2 M instructions a table, a noticeable part
/// of converting one small release. For ASCII words only: an ASCII string equals another string exactly when
/// their bytes are equal, so a byte lookup answers what the `String` lookup answers.
struct ASCIIWordTable: Sendable {
    private var slots: [Int]
    private var starts: [Int] = [0]
    private var bytes: [UInt8] = []
    private var values: [Int] = []
    private let mask: Int

    /// A table for up to `capacity` words.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int](repeating: 0, count: size)
        mask = size - 1
        bytes.reserveCapacity(capacity * 10)
        starts.reserveCapacity(capacity + 1)
        values.reserveCapacity(capacity)
    }

    var count: Int { values.count }

    /// Adds `word` (ASCII) with `value` unless the table holds it already; whether it was added.
    @discardableResult
    mutating func insert(_ word: String, value: Int) -> Bool {
        var word = word
        return word.withUTF8 { key in
            precondition(values.count * 2 < slots.count)
            let (slot, found) = find(key)
            if found != nil { return false }
            for byte in key {
                precondition(byte < 0x80)
                bytes.append(byte)
            }
            starts.append(bytes.count)
            values.append(value)
            slots[slot] = values.count
            return true
        }
    }

    /// The value of `word`, or nil (always nil for a word with non-ASCII bytes).
    func value(_ word: String) -> Int? {
        var word = word
        return word.withUTF8 { find($0).found }
    }

    /// The slot holding `key` (with its value) or the empty slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>) -> (slot: Int, found: Int?) {
        var hash: UInt32 = 2_166_136_261
        for byte in key { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return (slot, nil) }
            let start = starts[entry - 1], end = starts[entry]
            if end - start == key.count, bytes.withUnsafeBufferPointer({ stored in
                var i = 0
                while i < key.count, stored[start + i] == key[i] { i += 1 }
                return i == key.count
            }) {
                return (slot, values[entry - 1])
            }
            slot = (slot + 1) & mask
        }
    }
}
