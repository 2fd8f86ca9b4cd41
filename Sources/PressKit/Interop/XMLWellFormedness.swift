import CLibXML2

/// Checks that bytes are a well-formed XML document with libxml2 (no DTD, no entities, no network).
public enum XMLWellFormedness {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// True when `bytes` parse as a well-formed, namespace-correct XML document. Documents with a DOCTYPE
    /// are refused outright: nothing presskit reads this way has one, and it is how entity attacks begin.
    public static func check(_ bytes: [UInt8]) -> Bool {
        _ = initialized
        if bytes.isEmpty || contains(bytes, "<!DOCTYPE") || contains(bytes, "<!ENTITY") { return false }
        presskit_xml_silence_errors()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "fragment.xml", "UTF-8", options)
            }
        }
        guard let doc else { return false }
        xmlFreeDoc(doc)
        return true
    }

    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count else { return false }
        var i = 0
        while i + n.count <= bytes.count {
            if bytes[i] == n[0] && bytes[i..<(i + n.count)].elementsEqual(n) { return true }
            i += 1
        }
        return false
    }
}
