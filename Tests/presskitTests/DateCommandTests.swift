import Foundation
import XCTest

/// The command line gives the readers their reference time, the clock (never `SOURCE_DATE_EPOCH`):
/// a publication day after it is not taken.
final class DateCommandTests: XCTestCase {
    private func page(published: String) -> Data {
        Data("""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour ferry returns to its winter timetable</title>
        <meta property="article:published_time" content="\(published)"></head><body><main>
        <h1>Harbour ferry returns to its winter timetable</h1><p class="byline">By the Port Authority · February 6, 2024</p>
        <p>The harbour ferry runs every forty minutes from Monday, with the last crossing at 22:10 on weekdays.</p>
        <p>Season tickets stay valid; the summer stop at the marina closes until April.</p></main></body></html>
        """.utf8)
    }

    private func date(_ input: Data, environment: [String: String] = [:]) throws -> String? {
        let result = try CommandRunner.run(["-f", "html", "-t", "json"], stdin: input, environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        return (json?["metadata"] as? [String: Any])?["date"] as? String
    }

    /// SOURCE_DATE_EPOCH dates a build, not the conversion: a stamp after it (and before today) is kept.
    func testSourceDateEpochDoesNotMoveNow() throws {
        let input = page(published: "2025-05-01T09:00:00Z")
        XCTAssertEqual(try date(input, environment: ["SOURCE_DATE_EPOCH": "1709251200"])?.prefix(10), "2025-05-01")
        XCTAssertEqual(try date(input, environment: ["SOURCE_DATE_EPOCH": "0"])?.prefix(10), "2025-05-01")
    }

    func testTheClockIsTheReferenceTime() throws {
        XCTAssertEqual(try date(page(published: "2090-05-01T09:00:00Z")), "2024-02-06")
    }
}
