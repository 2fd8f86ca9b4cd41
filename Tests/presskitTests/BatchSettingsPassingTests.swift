import Foundation
import XCTest
@testable import presskit
import PressKit

/// CLI review item 7: `--jobs` and `--shard` are parsed once, by `ConvertCommand`; `BatchConversion` takes
/// the parsed values and reads no flag text of its own.
final class BatchSettingsPassingTests: XCTestCase {
    func testBatchConversionRunsWithTheParsedShardAndJobs() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let src = dir.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
        for i in 1...8 {
            try Data("Release \(i)\n\nThe body of release \(i).\n".utf8).write(to: src.appendingPathComponent("r\(i).txt"))
        }
        var owned = 0
        for k in 1...2 {
            let shard = try ShardSpec(parsing: "\(k)/2")
            let report = dir.appendingPathComponent("report\(k).json")
            let code = try BatchConversion(source: src.path, destination: dir.appendingPathComponent("out").path,
                                           from: nil, targets: [Formats.require("json")], options: ConversionOptions(),
                                           quiet: true, resourcePaths: [], jobs: 1, shard: shard, update: false,
                                           report: report.path).run()
            XCTAssertEqual(code, 0)
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
            XCTAssertEqual(object["shard"] as? String, "\(k)/2")
            let entries = try XCTUnwrap(object["files"] as? [[String: Any]])
            XCTAssertEqual(entries.count, (1...8).filter { shard.owns("r\($0).txt") }.count)
            owned += entries.count
        }
        XCTAssertEqual(owned, 8, "the two shards share the folder out")
        let outputs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        XCTAssertEqual(outputs.sorted(), (1...8).map { "r\($0).json" }.sorted())
    }
}
