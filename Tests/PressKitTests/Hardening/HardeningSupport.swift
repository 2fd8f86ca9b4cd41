import Foundation
import XCTest
@testable import PressKit

/// Helpers for the hostile-input tests: run a conversion on a thread with a chosen (small) stack, through
/// the reader and every registered writer, and report what happened.
enum Hardening {
    /// What converting one input through one reader and every writer gave.
    struct Outcome: @unchecked Sendable {
        /// The reader's refusal, if it refused the input.
        var readError: PressKitError?
        /// Output size per writer name, or the writer's refusal.
        var written: [String: Result<Int, PressKitError>] = [:]
        /// Anything thrown that is not a PressKitError (a bug: every failure must be a clear PressKitError).
        var unexpected: [String] = []
        /// The deepest block nesting of the document read.
        var blockDepth = 0
        /// The deepest inline nesting of the document read.
        var inlineDepth = 0
        /// The document read has no blocks (some writers then write nothing at all).
        var documentIsEmpty = false
    }

    /// The default stack of a secondary thread on Linux is 8 MiB (batch workers); 2 MiB proves a reader or
    /// writer does not recurse with the input's depth.
    static let smallStack = 2 << 20
    static let workerStack = 8 << 20

    /// Runs `body` on a new thread with `stackSize` bytes of stack and waits for it. A stack overflow
    /// crashes the test process: that is the failure these tests exist to catch.
    static func onThread<T>(stackSize: Int, _ body: @escaping () -> T) -> T {
        let box = ThreadBox(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { box.value = box.body(); done.signal() }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return box.value!
    }

    /// Reads `input` as `format` and writes the document with every registered writer, on a thread with
    /// `stackSize` bytes of stack. The document is also freed on that thread (Swift frees an indirect enum
    /// recursively).
    static func convertEverywhere(_ input: [UInt8], from format: String, stackSize: Int = smallStack,
                                  options: ConversionOptions = ConversionOptions()) -> Outcome {
        onThread(stackSize: stackSize) {
            var outcome = Outcome()
            let context = ConversionContext(options: options)
            let reader = Formats.named(format)!
            let document: Document
            do {
                document = try Converter.read(input, format: reader, context: context)
            } catch let error as PressKitError {
                outcome.readError = error
                return outcome
            } catch {
                outcome.unexpected.append("\(format) reader: \(error)")
                return outcome
            }
            outcome.documentIsEmpty = document.blocks.isEmpty
            outcome.blockDepth = document.blocks.map(blockDepth).max() ?? 0
            outcome.inlineDepth = maxInlineDepth(document.blocks)
            for writer in Formats.all where writer.writer != nil {
                do {
                    let bytes = try Converter.write([document], format: writer, context: context)
                    outcome.written[writer.name] = .success(bytes.count)
                } catch let error as PressKitError {
                    outcome.written[writer.name] = .failure(error)
                } catch {
                    outcome.unexpected.append("\(writer.name) writer: \(error)")
                }
            }
            return outcome
        }
    }

    /// Asserts the outcome is a conversion or a clear refusal: no unexpected error, every writer wrote
    /// something or refused with a PressKitError, and no output is more than `maxGrowth` times the input.
    static func assertConvertedOrRefused(_ outcome: Outcome, inputSize: Int, maxGrowth: Int = 20,
                                         file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(outcome.unexpected, [], file: file, line: line)
        if let error = outcome.readError {
            XCTAssertFalse(error.message.isEmpty, file: file, line: line)
            XCTAssertFalse(error.description.contains("\n"), "one line: \(error)", file: file, line: line)
            return
        }
        XCTAssertFalse(outcome.written.isEmpty, file: file, line: line)
        for (name, result) in outcome.written {
            switch result {
            case .success(let size):
                if !outcome.documentIsEmpty { XCTAssertGreaterThan(size, 0, "\(name) wrote nothing", file: file, line: line) }
                // pandoc's JSON AST spends about 40 bytes on each word of prose ({"t":"Str","c":"word"},{"t":"Space"}).
                let allowed = (name == "pandoc" ? 2 : 1) * maxGrowth
                XCTAssertLessThanOrEqual(size, allowed * inputSize + 1_000_000, "\(name) output blew up", file: file, line: line)
            case .failure(let error):
                XCTAssertFalse(error.description.contains("\n"), "\(name): one line: \(error)", file: file, line: line)
            }
        }
    }

    /// The nesting depth of a block (a paragraph is 1; a quote holding a paragraph is 2).
    static func blockDepth(_ block: Block) -> Int {
        // Iterative: the point is to measure trees without trusting recursion.
        var deepest = 0
        var stack: [(Block, Int)] = [(block, 1)]
        while let (b, d) = stack.popLast() {
            deepest = max(deepest, d)
            for child in children(b) { stack.append((child, d + 1)) }
        }
        return deepest
    }

    static func children(_ block: Block) -> [Block] {
        switch block {
        case .blockQuote(let blocks), .division(_, let blocks): return blocks
        case .bulletList(let list), .orderedList(let list): return list.items.flatMap(\.blocks)
        case .table(let table): return (table.header + table.rows).flatMap { $0.flatMap(\.blocks) }
        case .definitionList(let items): return items.flatMap { $0.definitions.flatMap { $0 } }
        case .paragraph, .heading, .codeBlock, .figure, .thematicBreak, .raw: return []
        }
    }

    static func maxInlineDepth(_ blocks: [Block]) -> Int {
        var deepest = 0
        var stack = blocks
        while let b = stack.popLast() {
            stack += children(b)
            let inlines: [Inline]
            switch b {
            case .paragraph(let c), .heading(_, let c, _): inlines = c
            default: inlines = []
            }
            var istack: [(Inline, Int)] = inlines.map { ($0, 1) }
            while let (i, d) = istack.popLast() {
                deepest = max(deepest, d)
                switch i {
                case .emphasis(let c), .strong(let c), .underline(let c), .strikethrough(let c),
                     .superscript(let c), .subscript(let c):
                    istack += c.map { ($0, d + 1) }
                case .link(let link): istack += link.content.map { ($0, d + 1) }
                case .note(let blocks): stack += blocks
                case .text, .code, .image, .softBreak, .lineBreak, .raw: break
                }
            }
        }
        return deepest
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
}

/// Carries a closure to a thread and its result back (the semaphore orders the accesses).
private final class ThreadBox<T>: @unchecked Sendable {
    var value: T?
    let body: () -> T
    init(_ body: @escaping () -> T) { self.body = body }
}
