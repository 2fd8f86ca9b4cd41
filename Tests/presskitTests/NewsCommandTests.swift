import Foundation
import XCTest

/// The news-industry outputs through the real command, checked by independent judges: the IPTC ninjs
/// schemas (1.6, 2.2, 3.1) with Python `jsonschema`, `feedparser` for Atom and RSS, `xmllint` for
/// well-formedness, and `pyld`/`extruct` for the JSON-LD (see Tests/Judges/ninjs and Tests/Judges/feeds;
/// `make deps-test` installs them).
final class NewsCommandTests: XCTestCase {
    static let root = CommandRunner.repositoryRoot
    static let ninjsJudge = root.appendingPathComponent("Tests/Judges/ninjs")
    static let feedJudge = root.appendingPathComponent("Tests/Judges/feeds")

    /// Every sample release and the seed.
    static func releases() -> [URL] {
        var files: [URL] = []
        let samples = root.appendingPathComponent("Samples")
        let walker = FileManager.default.enumerator(at: samples, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard ["md", "txt", "html"].contains(url.pathExtension), !url.lastPathComponent.lowercased().hasPrefix("readme")
            else { continue }
            files.append(url)
        }
        let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? [] where name.hasSuffix(".txt") {
            files.append(seeds.appendingPathComponent(name))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The real wire items (Business Wire, dpa, NTB, the IPTC examples).
    static func wireItems() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: ninjsJudge.path)
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix("ninjs-schema") }.sorted()
            .map { ninjsJudge.appendingPathComponent($0) }
    }

    func python(_ script: URL, _ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(["python3", script.path] + arguments, executable: URL(fileURLWithPath: "/usr/bin/env"))
    }

    func requirePython(_ modules: String) throws {
        let probe = try CommandRunner.run(["python3", "-c", "import " + modules], executable: URL(fileURLWithPath: "/usr/bin/env"))
        if probe.status != 0 { throw XCTSkip("python3 modules \(modules) are missing (make deps-test installs them)") }
    }

    func presskit(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        let result = try CommandRunner.run(arguments, environment: environment)
        XCTAssertEqual(result.status, 0, "presskit \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    func json(_ url: URL) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any], url.path)
    }

    // MARK: ninjs

    func testEverySampleAndTheSeedIsValidNinjsInEveryVersion() throws {
        try requirePython("jsonschema, rfc3339_validator")
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let releases = Self.releases()
        XCTAssertGreaterThan(releases.count, 20)
        for version in ["1.6", "2.2", "3.1"] {
            var outputs: [String] = []
            for release in releases {
                let out = dir.appendingPathComponent("\(version)-\(release.deletingPathExtension().lastPathComponent).ninjs.json")
                _ = try presskit([release.path, "-t", "ninjs", "--ninjs-version", version, "-o", out.path, "-q"])
                outputs.append(out.path)
            }
            let check = try python(Self.ninjsJudge.appendingPathComponent("validate_ninjs.py"), [version] + outputs)
            XCTAssertEqual(check.status, 0, check.stdoutText)
            XCTAssertTrue(check.stdoutText.contains("validated \(releases.count) item(s)"), check.stdoutText)
        }

        // The fields the tree has appear where ninjs puts them.
        let item = try json(dir.appendingPathComponent("2.2-01-front-matter-product-launch.ninjs.json"))
        XCTAssertEqual(item["uri"] as? String, "https://www.northwind-energy.example/news/2024/esbjerg-service-hub")
        XCTAssertEqual(item["type"] as? String, "text")
        XCTAssertEqual(item["profile"] as? String, "press-release")
        XCTAssertEqual(item["firstcreated"] as? String, "2024-04-16T00:00:00Z")
        XCTAssertEqual(item["language"] as? String, "en")
        XCTAssertEqual(item["located"] as? String, "ESBJERG, Denmark")
        XCTAssertEqual(item["by"] as? String, "Mette Holm")
        let headlines = try XCTUnwrap(item["headlines"] as? [[String: Any]])
        XCTAssertEqual(headlines.map { $0["role"] as? String }, ["main", "sub"])
        let bodies = try XCTUnwrap(item["bodies"] as? [[String: Any]])
        XCTAssertEqual(bodies.map { $0["contenttype"] as? String }, ["text/html", "text/plain"])
        XCTAssertTrue((bodies[0]["value"] as? String ?? "").contains("<em>Horns Reef North</em>"))
        XCTAssertNotNil(item["descriptions"])
        let people = try XCTUnwrap(item["people"] as? [[String: Any]])
        let contact = try XCTUnwrap(people.first { $0["rel"] as? String == "contact" })
        let info = try XCTUnwrap(contact["contactinfo"] as? [[String: Any]])
        XCTAssertTrue(info.contains { $0["type"] as? String == "email" && $0["value"] as? String == "press@northwind-energy.example" })
        XCTAssertEqual((item["organisations"] as? [[String: Any]])?.first?["rel"] as? String, "issuer")
        XCTAssertFalse((item["subjects"] as? [Any] ?? []).isEmpty)

        let embargoed = try json(dir.appendingPathComponent("2.2-ngo-statement-embargo.ninjs.json"))
        XCTAssertEqual(embargoed["embargoed"] as? String, "2024-03-05T00:01:00Z")

        let pictured = try json(dir.appendingPathComponent("2.2-figure-and-table.ninjs.json"))
        let association = try XCTUnwrap((pictured["associations"] as? [[String: Any]])?.first)
        XCTAssertEqual(association["type"] as? String, "picture")
        XCTAssertEqual(((association["headlines"] as? [[String: Any]])?.first)?["value"] as? String, "Container ships at the West Terminal")
        XCTAssertNotNil(association["descriptions"])

        let camel = try json(dir.appendingPathComponent("3.1-01-front-matter-product-launch.ninjs.json"))
        XCTAssertEqual(camel["versionCreated"] as? String, "2024-04-16T00:00:00Z")
        XCTAssertNil(camel["versioncreated"])
        let flat = try json(dir.appendingPathComponent("1.6-01-front-matter-product-launch.ninjs.json"))
        XCTAssertEqual(flat["headline"] as? String, "Northwind Energy Opens Its First Offshore Wind Service Hub in Esbjerg")
        XCTAssertNotNil(flat["body_html"])
    }

    func testRealWireItemsReadBackAndWriteOutValidWithTheSameHeadlineDatesAndBody() throws {
        try requirePython("jsonschema, rfc3339_validator")
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let items = try Self.wireItems()
        XCTAssertGreaterThanOrEqual(items.count, 6)
        for version in ["2.2", "3.1", "1.6"] {
            var outputs: [String] = [], pairs: [String] = []
            for item in items {
                let out = dir.appendingPathComponent("\(item.deletingPathExtension().lastPathComponent)-\(version).ninjs.json")
                _ = try presskit(["-f", "ninjs", item.path, "-t", "ninjs", "--ninjs-version", version, "-o", out.path, "-q"])
                outputs.append(out.path)
                pairs += [item.path, out.path]
            }
            let valid = try python(Self.ninjsJudge.appendingPathComponent("validate_ninjs.py"), [version] + outputs)
            XCTAssertEqual(valid.status, 0, valid.stdoutText)
            let same = try python(Self.ninjsJudge.appendingPathComponent("compare_roundtrip.py"), pairs)
            XCTAssertEqual(same.status, 0, same.stdoutText)
            XCTAssertEqual(same.stdoutText.split(separator: "\n").filter { $0.hasSuffix(": same") }.count, items.count, same.stdoutText)
        }
        // A wire item becomes Markdown (or EPUB, DOCX) like any release.
        let markdown = try presskit(["-f", "ninjs", Self.ninjsJudge.appendingPathComponent("dpa_text.json").path, "-t", "markdown"])
        XCTAssertTrue(markdown.stdoutText.contains("language: de"), markdown.stdoutText)
        XCTAssertTrue(markdown.stdoutText.contains("Lucien Favre"), markdown.stdoutText)
        // A wire item named `.json` is read as presskit's JSON, which says how to read it instead.
        let refused = try CommandRunner.run([Self.ninjsJudge.appendingPathComponent("dpa_text.json").path, "-t", "html"])
        XCTAssertEqual(refused.status, 4)
        XCTAssertTrue(refused.stderr.contains("read it with -f ninjs"), refused.stderr)
        // A `.ninjs.json` name picks ninjs, for reading and writing; `.json` stays presskit's JSON.
        let named = dir.appendingPathComponent("wire.ninjs.json")
        try FileManager.default.copyItem(at: Self.ninjsJudge.appendingPathComponent("ntb_text.json"), to: named)
        let html = try presskit([named.path, "-t", "html"])
        XCTAssertTrue(html.stdoutText.contains("Google har kjøpt giganttomt i Skien"))
        let plainJSON = try presskit([Self.root.appendingPathComponent("Samples/text/communique-paris.txt").path, "-o",
                                      dir.appendingPathComponent("x.json").path])
        XCTAssertEqual(plainJSON.status, 0)
        XCTAssertNotNil(try json(dir.appendingPathComponent("x.json"))["blocks"])
    }

    // MARK: JSON-LD

    func testNewsArticleJSONLDOnItsOwnAndInTheHTMLPageIsReadByJSONLDReaders() throws {
        try requirePython("pyld, extruct")
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [String] = []
        for release in Self.releases() {
            let base = dir.appendingPathComponent(release.deletingPathExtension().lastPathComponent)
            _ = try presskit([release.path, "-t", "jsonld", "-o", base.path + ".jsonld", "-q"])
            _ = try presskit([release.path, "-t", "html", "-o", base.path + ".html", "-q"])
            files += [base.path + ".jsonld", base.path + ".html"]
        }
        let check = try python(Self.feedJudge.appendingPathComponent("check_jsonld.py"), files)
        XCTAssertEqual(check.status, 0, check.stdoutText)
        XCTAssertEqual(check.stdoutText.split(separator: "\n").filter { $0.contains("\"ok\": true") }.count, files.count)

        let article = try json(dir.appendingPathComponent("01-front-matter-product-launch.jsonld"))
        XCTAssertEqual(article["@type"] as? String, "NewsArticle")
        XCTAssertEqual(article["alternativeHeadline"] as? String, "180 technicians will maintain 1.2 GW of North Sea capacity from the new base")
        XCTAssertEqual(article["datePublished"] as? String, "2024-04-16")
        XCTAssertEqual(article["dateline"] as? String, "ESBJERG, Denmark")
        XCTAssertEqual(article["inLanguage"] as? String, "en")
        XCTAssertEqual(article["url"] as? String, "https://www.northwind-energy.example/news/2024/esbjerg-service-hub")
        let publisher = try XCTUnwrap(article["publisher"] as? [String: Any])
        XCTAssertEqual((publisher["contactPoint"] as? [[String: Any]])?.first?["email"] as? String, "press@northwind-energy.example")
        XCTAssertNotNil(article["keywords"])
        XCTAssertNotNil(article["articleBody"])

        let page = try String(contentsOf: dir.appendingPathComponent("figure-and-table.html"), encoding: .utf8)
        for needle in ["<script type=\"application/ld+json\">", "<meta name=\"description\"", "<meta property=\"og:title\"",
                       "<meta property=\"og:image\"", "<meta property=\"article:published_time\" content=\"2024-01-16\""] {
            XCTAssertTrue(page.contains(needle), needle)
        }
    }

    // MARK: Atom and RSS

    func testSeveralReleasesMakeOneAtomAndOneRSSFeedThatFeedReadersAccept() throws {
        try requirePython("feedparser")
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = Self.releases().map(\.path)
        for format in ["atom", "rss"] {
            let feed = dir.appendingPathComponent("feed.\(format)")
            _ = try presskit(inputs + ["-t", format, "-o", feed.path, "-q", "--feed-title", "Newsroom",
                                       "--feed-link", "https://newsroom.example/"])
            let first = try Data(contentsOf: feed)
            _ = try presskit(inputs + ["-t", format, "-o", feed.path, "-q", "--feed-title", "Newsroom",
                                       "--feed-link", "https://newsroom.example/"])
            XCTAssertEqual(try Data(contentsOf: feed), first, "\(format): a second run gives other bytes")

            let check = try python(Self.feedJudge.appendingPathComponent("check_feed.py"), [feed.path])
            XCTAssertEqual(check.status, 0, check.stdoutText)
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(check.stdoutText.utf8)) as? [String: Any])
            XCTAssertEqual(report["bozo"] as? Int, 0)
            XCTAssertEqual(report["title"] as? String, "Newsroom")
            XCTAssertEqual(report["version"] as? String, format == "atom" ? "atom10" : "rss20")
            let entries = try XCTUnwrap(report["entries"] as? [[String: Any]])
            XCTAssertEqual(entries.count, inputs.count, "one entry per release")
            // Newest first.
            if format == "atom" {
                let dates = entries.compactMap { $0["updated"] as? String }
                XCTAssertEqual(dates, dates.sorted(by: >))
            }
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") {
                let lint = try CommandRunner.run(["--noout", feed.path], executable: URL(fileURLWithPath: "/usr/bin/xmllint"))
                XCTAssertEqual(lint.status, 0, lint.stderr)
            }
        }
        let atom = try String(contentsOf: dir.appendingPathComponent("feed.atom"), encoding: .utf8)
        XCTAssertTrue(atom.contains("<id>https://newsroom.example/</id>"))
        XCTAssertTrue(atom.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://www.northwind-energy.example/news/2024/esbjerg-service-hub\"/>"))
        XCTAssertTrue(atom.contains("<content type=\"html\">"))
        XCTAssertTrue(atom.contains("<category term="))
    }

    func testAnUndatedReleaseTakesSourceDateEpochAndMissingFieldsAreNamedInWarnings() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("note.md")
        try Data("Just a paragraph with no headline, date or language.\n".utf8).write(to: input)
        let atom = try presskit([input.path, "-t", "atom"], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        XCTAssertTrue(atom.stdoutText.contains("<updated>2023-11-14T22:13:20Z</updated>"), atom.stdoutText)
        XCTAssertTrue(atom.stderr.contains("has no headline"), atom.stderr)
        XCTAssertTrue(atom.stderr.contains("has no date"), atom.stderr)
        let again = try presskit([input.path, "-t", "atom"], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        XCTAssertEqual(again.stdout, atom.stdout)
        let id = try XCTUnwrap(atom.stdoutText.components(separatedBy: "<entry>\n<id>").last?.components(separatedBy: "</id>").first)
        XCTAssertTrue(id.hasPrefix("urn:uuid:"), id)

        let ninjs = try presskit([input.path, "-t", "ninjs"])
        for field in ["headlines", "versioncreated", "language"] {
            XCTAssertTrue(ninjs.stderr.contains(field), "no warning naming \(field): \(ninjs.stderr)")
        }
        let jsonld = try presskit([input.path, "-t", "jsonld"])
        XCTAssertTrue(jsonld.stderr.contains("datePublished"), jsonld.stderr)
        XCTAssertTrue(jsonld.stderr.contains("headline"), jsonld.stderr)
        let bad = try CommandRunner.run([input.path, "-t", "ninjs", "--ninjs-version", "4.0"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--ninjs-version"), bad.stderr)
    }

    /// The commands of the README's "For newsrooms and wire services" section, as written there.
    func testTheREADMECommandsForNewsroomsWork() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let samples = Self.root.appendingPathComponent("Samples")
        for (from, to) in [("markdown/01-front-matter-product-launch.md", "release.md"), ("markdown/06-german-non-ascii.md", "a.md"),
                           ("text/communique-paris.txt", "b.txt"), ("html/figure-and-table.html", "c.html")] {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(from), to: dir.appendingPathComponent(to))
        }
        try FileManager.default.copyItem(at: Self.ninjsJudge.appendingPathComponent("dpa_text.json"),
                                         to: dir.appendingPathComponent("dpa_text.json"))
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "## For newsrooms and wire services").last?
            .components(separatedBy: "```").dropFirst().first)
        let commands = section.split(separator: "\n").filter { $0.hasPrefix("presskit ") }
        XCTAssertEqual(commands.count, 6, section)
        for command in commands {
            // The README's quoting is simple: one quoted argument at most.
            var arguments: [String] = []
            for (index, part) in command.dropFirst("presskit ".count).components(separatedBy: "\"").enumerated() {
                if index % 2 == 1 { arguments.append(part) } else { arguments += part.split(separator: " ").map(String.init) }
            }
            let result = try CommandRunner.run(arguments, in: dir)
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            let o = try XCTUnwrap(arguments.firstIndex(of: "-o"), String(command))
            let output = dir.appendingPathComponent(arguments[o + 1])
            let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int)
            XCTAssertGreaterThan(size, 500, "\(command): \(output.lastPathComponent)")
        }
    }

    func testFormatsListsTheNewsFormats() throws {
        let result = try presskit(["formats"])
        for line in ["ninjs", "jsonld", "atom", "rss"] {
            XCTAssertTrue(result.stdoutText.split(separator: "\n").contains { $0.hasPrefix(line + " ") }, result.stdoutText)
        }
        XCTAssertTrue(result.stdoutText.contains(".ninjs.json"))
    }
}
