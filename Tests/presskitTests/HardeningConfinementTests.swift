import Foundation
import XCTest

/// Confinement of files through the built `presskit`: EPUB and DOCX embed local images, and only images
/// from the input's folder (or a `--resource-path` folder) may be read. Everything else — `..`, absolute
/// paths, symbolic links leading out, `file:` URLs, network URLs — is refused with a warning naming it,
/// and its bytes never reach the output. `--reference-doc` never loads an external entity.
final class HardeningConfinementTests: XCTestCase {
    /// A valid 1×1 PNG; a marker appended after its end shows whether the file's bytes were embedded.
    static let png = Data(base64Encoded:
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!

    static func png(marker: String) -> Data { png + Data(marker.utf8) }

    struct Tree {
        let root: URL
        let input: URL
        let secret = "SECRET-OUTSIDE-\(UUID().uuidString)"
        let inside = "INSIDE-OK-\(UUID().uuidString)"
        let shared = "SHARED-OK-\(UUID().uuidString)"
        var sharedFolder: URL { root.appendingPathComponent("shared") }
    }

    /// root/secret.png (outside), root/doc/release.md, root/doc/img/ok.png (inside), root/doc/link.png → ../secret.png,
    /// root/doc/up → root, root/shared/logo.png (allowed only with --resource-path).
    func makeTree() throws -> Tree {
        let root = try CommandRunner.temporaryDirectory()
        let doc = root.appendingPathComponent("doc")
        let tree = Tree(root: root, input: doc.appendingPathComponent("release.md"))
        try FileManager.default.createDirectory(at: doc.appendingPathComponent("img"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: tree.sharedFolder, withIntermediateDirectories: true)
        let secretURL = root.appendingPathComponent("secret.png")
        try Self.png(marker: tree.secret).write(to: secretURL)
        try Self.png(marker: tree.inside).write(to: doc.appendingPathComponent("img/ok.png"))
        try Self.png(marker: tree.shared).write(to: tree.sharedFolder.appendingPathComponent("logo.png"))
        try FileManager.default.createSymbolicLink(atPath: doc.appendingPathComponent("link.png").path, withDestinationPath: "../secret.png")
        try FileManager.default.createSymbolicLink(atPath: doc.appendingPathComponent("up").path, withDestinationPath: root.path)
        let markdown = """
            # Confinement of files in a press release

            Images that must be refused:

            ![dotdot](../secret.png) ![absolute](\(secretURL.path)) ![passwd](/etc/passwd)
            ![link](link.png) ![through a folder link](up/secret.png) ![encoded](%2e%2e/secret.png)
            ![file url](file://\(secretURL.path)) ![file passwd](file:///etc/passwd)
            ![remote](http://example.com/x.png) ![backslash](..\\secret.png)

            An image that must be embedded: ![ok](img/ok.png) and one from a resource path: ![logo](logo.png)

            """
        try Data(markdown.utf8).write(to: tree.input)
        return tree
    }

    /// Every byte of every entry of a zip (`unzip -p`).
    func unzipped(_ archive: URL) throws -> Data {
        let result = try CommandRunner.run(["-p", archive.path], executable: URL(fileURLWithPath: "/usr/bin/unzip"))
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func contains(_ data: Data, _ marker: String) -> Bool { data.range(of: Data(marker.utf8)) != nil }

    func testEPUBAndDOCXEmbedOnlyConfinedImages() throws {
        let tree = try makeTree()
        defer { try? FileManager.default.removeItem(at: tree.root) }
        let passwd = (try? Data(contentsOf: URL(fileURLWithPath: "/etc/passwd"))).map { Data($0.prefix(24)) }
        for format in ["epub", "docx"] {
            let out = tree.root.appendingPathComponent("out.\(format)")
            let result = try CommandRunner.run([tree.input.path, "-o", out.path])
            XCTAssertEqual(result.status, 0, "\(format): \(result.stderr)")
            let bytes = try unzipped(out)
            XCTAssertFalse(contains(bytes, tree.secret), "\(format) embedded a file outside the input's folder")
            if let passwd, !passwd.isEmpty { XCTAssertNil(bytes.range(of: passwd), "\(format) embedded /etc/passwd") }
            XCTAssertTrue(contains(bytes, tree.inside), "\(format) did not embed img/ok.png")
            XCTAssertFalse(contains(bytes, tree.shared), "\(format) read a folder not named with --resource-path")
            for refused in ["../secret.png", tree.root.path + "/secret.png", "/etc/passwd", "link.png", "up/secret.png",
                            "file://", "http://example.com/x.png", "logo.png"] {
                XCTAssertTrue(result.stderr.contains(refused), "\(format): no warning naming \(refused):\n\(result.stderr)")
            }
            XCTAssertFalse(result.stderr.contains("img/ok.png"), "\(format): warned about the allowed image:\n\(result.stderr)")
        }
    }

    func testResourcePathAllowsAFolder() throws {
        let tree = try makeTree()
        defer { try? FileManager.default.removeItem(at: tree.root) }
        for format in ["epub", "docx"] {
            let out = tree.root.appendingPathComponent("out.\(format)")
            let result = try CommandRunner.run([tree.input.path, "-o", out.path, "--resource-path", tree.sharedFolder.path])
            XCTAssertEqual(result.status, 0, "\(format): \(result.stderr)")
            let bytes = try unzipped(out)
            XCTAssertTrue(contains(bytes, tree.shared), "\(format) did not embed logo.png from --resource-path")
            XCTAssertTrue(contains(bytes, tree.inside))
            XCTAssertFalse(contains(bytes, tree.secret))
        }
    }

    func testStandardInputHasNoResourceFolder() throws {
        let tree = try makeTree()
        defer { try? FileManager.default.removeItem(at: tree.root) }
        let out = tree.root.appendingPathComponent("stdin.epub")
        let result = try CommandRunner.run(["-f", "markdown", "-o", out.path], stdin: try Data(contentsOf: tree.input), in: tree.input.deletingLastPathComponent())
        XCTAssertEqual(result.status, 0, result.stderr)
        let bytes = try unzipped(out)
        XCTAssertFalse(contains(bytes, tree.inside), "standard input read images from the working folder")
        XCTAssertFalse(contains(bytes, tree.secret))
    }

    /// A reference document whose styles.xml declares an external entity: the entity is never loaded.
    func testReferenceDocWithAnExternalEntityIsNotLoaded() throws {
        let tree = try makeTree()
        defer { try? FileManager.default.removeItem(at: tree.root) }
        let plain = tree.root.appendingPathComponent("plain.docx")
        XCTAssertEqual(try CommandRunner.run([tree.input.path, "-o", plain.path]).status, 0)
        // The same package with an entity pointing at the secret file (and at /etc/passwd) in styles.xml.
        let secretFile = tree.root.appendingPathComponent("secret.txt")
        try Data(tree.secret.utf8).write(to: secretFile)
        let reference = tree.root.appendingPathComponent("reference.docx")
        let script = """
            import sys, zipfile, re
            src, dst, secret = sys.argv[1], sys.argv[2], sys.argv[3]
            with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    data = zin.read(item.filename)
                    if item.filename == 'word/styles.xml':
                        text = data.decode('utf-8')
                        text = re.sub(r'^<\\?xml[^>]*\\?>', '', text.lstrip())
                        dtd = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\\n<!DOCTYPE w:styles [<!ENTITY e SYSTEM "file://' + secret + '"><!ENTITY p SYSTEM "file:///etc/passwd">' + sys.argv[4] + ']>'
                        text = dtd + text.replace('</w:styles>', '<w:style w:type="paragraph" w:styleId="Evil"><w:name w:val="Evil"/>&e;&p;</w:style></w:styles>')
                        data = text.encode('utf-8')
                    zout.writestr(item, data)
            """
        // Without and with an external parameter entity referenced in the internal subset.
        for parameterEntity in ["", "<!ENTITY % q SYSTEM \"file://\(secretFile.path)\"> %q;"] {
        let made = try CommandRunner.run(["-c", script, plain.path, reference.path, secretFile.path, parameterEntity],
                                         executable: URL(fileURLWithPath: "/usr/bin/python3"))
        XCTAssertEqual(made.status, 0, made.stderr)
        let out = tree.root.appendingPathComponent("styled.docx")
        try? FileManager.default.removeItem(at: out)
        let result = try CommandRunner.run([tree.input.path, "-o", out.path, "--reference-doc", reference.path])
        // Refused (XMLWellFormedness refuses any DOCTYPE: a .docx part may not have one), or converted; the
        // entity is never loaded, nor passed on to the output, where Word or LibreOffice would meet it.
        XCTAssertTrue(result.status == 0 || result.status == 4, result.stderr)
        if result.status == 4 {
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains("--reference-doc"), result.stderr)
        }
        if FileManager.default.fileExists(atPath: out.path) {
            let bytes = try unzipped(out)
            XCTAssertFalse(contains(bytes, tree.secret), "an external entity of the reference document was loaded")
            XCTAssertFalse(contains(bytes, "root:x:0:0"), "/etc/passwd was loaded through the reference document")
            XCTAssertFalse(contains(bytes, "<!ENTITY"), "the reference document's entity declarations reached the output")
        }
        }
    }
}
