import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Element and attribute names as Strings (with what they are, `HTMLTag` or `HTMLAttribute`), made once per
/// parse rather than once per element: libxml2's HTML parser hands every `<p>` and every `class` over as the
/// same interned pointer. A slot is keyed by the pointer and used only while the bytes it points at are still
/// the bytes the name was made from, so a name at a reused address is never mistaken for another.
struct HTMLNameCache<Kind> {
    private static var slots: Int { 256 }
    private var pointers = [UnsafePointer<xmlChar>?](repeating: nil, count: slots)
    private var bytes = [[UInt8]](repeating: [], count: slots)
    private var names = [(String, Kind)?](repeating: nil, count: slots)

    /// The name (and its kind) for the C string at `pointer`: from the cache when its bytes match, else
    /// `make`'s.
    mutating func name(_ pointer: UnsafePointer<xmlChar>,
                       make: (UnsafePointer<xmlChar>) -> (String, Kind)) -> (String, Kind) {
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: pointer) >> 3) & (Self.slots - 1)
        if pointers[slot] == pointer, Self.matches(pointer, bytes[slot]), let cached = names[slot] { return cached }
        let name = make(pointer)
        pointers[slot] = pointer
        bytes[slot] = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer)))
        names[slot] = name
        return name
    }

    private static func matches(_ pointer: UnsafePointer<xmlChar>, _ bytes: [UInt8]) -> Bool {
        for k in bytes.indices where pointer[k] != bytes[k] { return false }
        return pointer[bytes.count] == 0
    }
}
