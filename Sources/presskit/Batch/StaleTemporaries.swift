import PressKit
#if canImport(Glibc)
import Glibc
#endif

/// Removes the temporary files (`.NAME.presskit-tmp-PID`, see `FileSystem.temporaryName`) that a killed
/// batch left in the output folder, so an interrupted batch leaves nothing behind once it is run again.
/// A temporary file is removed only when no live process on this machine has its PID: a batch running at the
/// same time into the same folder keeps its temporaries (both batches then write their outputs, each by an
/// atomic rename). In a shard, only the temporaries of this shard's own outputs are removed, since the other
/// shards' may belong to live processes on other machines sharing the folder.
enum StaleTemporaries {
    static let marker = ".presskit-tmp-"

    /// Walks `root` (without following links or entering hidden folders); returns how many files were removed.
    /// `ownedOutputs` holds `OutputIndex.hash` of the output paths this run writes.
    static func remove(under root: String, ownedOutputs: Set<UInt64>, sharded: Bool) -> Int {
        let me = getpid()
        var removed = 0
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let handle = opendir(directory) else { continue }
            while let entry = readdir(handle) {
                guard let name = withUnsafePointer(to: &entry.pointee.d_name, {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(validatingCString: $0) }
                }) else { continue }
                if name == "." || name == ".." { continue }
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var st = stat()
                    if lstat(directory + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { type = UInt8(DT_DIR) }
                }
                if type == UInt8(DT_DIR) {
                    if !name.hasPrefix(".") { pending.append(relative.isEmpty ? name : relative + "/" + name) }
                    continue
                }
                guard let (output, pid) = parse(name) else { continue }
                guard pid != me else { continue }
                let outputPath = relative.isEmpty ? output : relative + "/" + output
                guard !isAlive(pid) else { continue }
                if !sharded || ownedOutputs.contains(OutputIndex.hash(Array(outputPath.utf8))) {
                    if unlink(directory + "/" + name) == 0 { removed += 1 }
                }
            }
            closedir(handle)
        }
        return removed
    }

    /// `.NAME.presskit-tmp-PID` → (NAME, PID).
    static func parse(_ name: String) -> (String, Int32)? {
        let bytes = Array(name.utf8), mark = Array(marker.utf8)
        guard bytes.first == UInt8(ascii: "."), bytes.count > mark.count + 2 else { return nil }
        var start = bytes.count - mark.count
        while start > 1, !bytes[start..<start + mark.count].elementsEqual(mark) { start -= 1 }
        guard start > 1, let pid = Int32(String(decoding: bytes[(start + mark.count)...], as: UTF8.self)), pid > 0
        else { return nil }
        return (String(decoding: bytes[1..<start], as: UTF8.self), pid)
    }

    static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
