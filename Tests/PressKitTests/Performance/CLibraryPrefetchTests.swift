import CLibXML2
import CLibZip
import XCTest
@testable import PressKit

/// Loading ahead (`CLibraryPrefetch`): the readers and writers that load a C library say so, and a library
/// loaded on the second thread is the one the converting thread then uses.
final class CLibraryPrefetchTests: XCTestCase {
    func testReadersAndWritersNameTheLibrariesTheyLoad() throws {
        func reader(_ name: String) throws -> [CLibrary] { try XCTUnwrap(Formats.named(name)?.reader).libraries }
        func writer(_ name: String) throws -> [CLibrary] { try XCTUnwrap(Formats.named(name)?.writer).libraries }
        XCTAssertEqual(try reader("html"), [.libxml2])
        XCTAssertEqual(try reader("markdown"), [.cmark])
        XCTAssertEqual(try reader("gfm"), [.cmark])
        XCTAssertEqual(try reader("commonmark"), [.cmark])
        XCTAssertEqual(try reader("docx"), [.libzip, .libxml2])
        XCTAssertEqual(try reader("text"), [])
        XCTAssertEqual(try writer("docx"), [.libzip])
        XCTAssertEqual(try writer("epub"), [.libzip])
        XCTAssertEqual(try writer("json"), [])
    }

    /// A conversion names what its inputs (format given, else by name) and targets will load.
    func testAConversionNamesItsLibraries() throws {
        let docx = try Formats.require("docx"), json = try Formats.require("json"), markdown = try Formats.require("markdown")
        XCTAssertEqual(Conversion(inputs: [.file("page.html")], targets: [docx]).libraries, [.libxml2, .libzip])
        XCTAssertEqual(Conversion(inputs: [.file("notes.txt", format: markdown)], targets: [json]).libraries,
                       [.cmark])
        XCTAssertEqual(Conversion(inputs: [.file("-")], targets: [json]).libraries, [], "standard input is sniffed later")
        XCTAssertEqual(Conversion(inputs: [.file("release.txt")], targets: [json]).libraries, [])
    }

    func testPrefetchedLibrariesAreLoadedAfterTheWait() {
        let prefetch = CLibraryPrefetch([.libzip, .libxml2, .libzip, .cmark])
        prefetch.wait()
        prefetch.wait() // a second wait returns at once
        XCTAssertEqual(pk_zip_load(), 1)
        XCTAssertEqual(pk_xml_load(), 1)
        XCTAssertEqual(String(cString: pk_zip_load_error()), "")
    }

    /// A conversion started while the libraries load on the second thread gives the same bytes.
    func testConversionsWhileLoadingGiveTheSameBytes() throws {
        let markdown = Array("# Port traffic rises\n\nPORTLAND, Ore. — Volumes rose.\n\n- one\n- two\n".utf8)
        let context = ConversionContext(options: ConversionOptions())
        let expected = try Converter.convert(markdown, from: Formats.require("markdown"), to: Formats.require("docx"),
                                             context: context)
        for _ in 0..<20 {
            let prefetch = CLibraryPrefetch([.cmark, .libzip])
            let bytes = try Converter.convert(markdown, from: Formats.require("markdown"), to: Formats.require("docx"),
                                              context: context)
            prefetch.wait()
            XCTAssertEqual(bytes, expected)
        }
    }
}
