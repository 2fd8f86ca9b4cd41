import Foundation
import XCTest
@testable import PressKit

/// Replays every file in `Fixtures/Regressions/` (inputs that once crashed, hung or blew up a reader or a
/// writer, from fuzzing and the hostile-input tests) through its reader — chosen by the file's extension —
/// and every writer: each must convert or be refused with a clear PressKitError. A new crash found by
/// `make fuzz` is fixed, then its input is copied here as `<reader>-<what>.<ext>`.
final class RegressionReplayTests: XCTestCase {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Regressions")
    }

    func testEveryRegressionInputConvertsOrIsRefusedClearly() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names where !name.hasPrefix(".") && name != "README.md" {
            let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
            guard let format = Formats.forPath(name) else {
                XCTFail("\(name): no reader for this extension")
                continue
            }
            // Every text reader sees every file too: a crash in one reader is often a crash in another.
            for reader in Set([format.name, "text", "markdown", "html", "json"]).sorted() {
                let outcome = Hardening.convertEverywhere(bytes, from: reader, stackSize: Hardening.workerStack)
                Hardening.assertConvertedOrRefused(outcome, inputSize: bytes.count, maxGrowth: 200)
            }
        }
    }
}
