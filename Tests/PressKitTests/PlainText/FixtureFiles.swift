import Foundation

/// Files of the repository read by the tests, located from this source file (works in CI and locally).
enum FixtureFiles {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func plainText(_ name: String) throws -> [UInt8] {
        let url = repositoryRoot.appendingPathComponent("Tests/PressKitTests/Fixtures/PlainText/\(name)")
        return Array(try Data(contentsOf: url))
    }

    static var textSamples: URL { repositoryRoot.appendingPathComponent("Samples/text") }
}
