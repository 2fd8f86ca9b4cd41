import PressKit

/// The `docx-xml` fuzz target: random bytes rarely make a zip archive, so this target puts the fuzzer's
/// bytes into a well-formed .docx package and fuzzes the XML parts the reader interprets. The input is
/// split at each NUL NUL into up to four parts: word/document.xml, word/styles.xml, word/numbering.xml,
/// word/footnotes.xml (the `docx` target fuzzes the zip container itself).
enum DOCXFuzzPackage {
    static func wrap(_ bytes: [UInt8]) -> [UInt8] {
        var parts: [[UInt8]] = [[]]
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0, i + 1 < bytes.count, bytes[i + 1] == 0, parts.count < 4 {
                parts.append([])
                i += 2
                continue
            }
            parts[parts.count - 1].append(bytes[i])
            i += 1
        }
        var zip = ZipArchive()
        zip.add("[Content_Types].xml", contentTypes, stored: true)
        zip.add("_rels/.rels", rootRelationships, stored: true)
        zip.add("word/_rels/document.xml.rels", documentRelationships, stored: true)
        let names = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml"]
        for (index, part) in parts.enumerated() { zip.add(names[index], part, stored: true) }
        zip.add("word/media/image1.png", pixel, stored: true)
        return (try? zip.data()) ?? []
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="xml" ContentType="application/xml"/></Types>
        """
    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """
    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>\
        <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>\
        <Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/>\
        <Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../../../etc/passwd"/>\
        </Relationships>
        """
    /// A 1×1 PNG.
    static let pixel: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
                                 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0A,
                                 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D,
                                 0xB4, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
}
