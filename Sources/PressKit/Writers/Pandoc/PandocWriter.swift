/// Writes a document as pandoc's JSON AST (`-t pandoc`, alias `pandoc-json`), for `pandoc -f json`.
///
/// The output is what pandoc itself writes for the same AST, byte for byte: compact JSON, `"t"` before `"c"`,
/// nullary constructors without `"c"`, metadata keys sorted, `\b` and `\f` as `\u0008` and `\u000c`, a final
/// newline. So `pandoc -f json -t json` re-emits it unchanged. `PandocOptions.api` picks pandoc-types 1.22
/// (pandoc 2.x; the default, as Debian's pandoc 2.17 reads it) or 1.23 (pandoc 3.x, with `Figure` blocks).
///
/// The mapping, and what pandoc's AST cannot carry (see `PandocReader` for the way back):
/// - text becomes `Str` words and `Space`s; paragraphs in tight lists and in table cells become `Plain`.
/// - a task item starts with `Str "☐"` or `Str "☒"`, as pandoc's own Markdown reader writes task lists.
/// - code blocks lose their final newline (pandoc's `CodeBlock` has none); the reader puts it back.
/// - with 1.22 a figure is `Para [Image attrs caption (src, "fig:" + title)]`: its alt text is not kept when
///   it has a caption (pandoc 2.x uses the caption for both).
/// - bullet lists keep no start or delimiter; cell alignment is the column's.
/// - metadata: see `PandocMeta`.
public struct PandocWriter: Writer {
    public init() {}

    public func write(_ document: Document, context: ConversionContext) throws -> [UInt8] {
        Self.bytes(document, api: context.options.pandoc.api)
    }

    /// The JSON text of `document` for `api`.
    public static func bytes(_ document: Document, api: PandocAPI) -> [UInt8] {
        var encoder = PandocASTEncoder(sink: JSONEmitter(pretty: false, reserve: 8192), api: api)
        encoder.document(document)
        var bytes = encoder.sink.finish()
        bytes = aesonEscapes(bytes)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// Rewrites the escapes `\b` and `\f` as aeson (pandoc's JSON library) writes them, `\u0008` and
    /// `\u000c`. Every backslash in the emitter's output starts an escape, so a scan pairing them is exact.
    static func aesonEscapes(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "\\")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\\"), i + 1 < bytes.count {
                let next = bytes[i + 1]
                switch next {
                case UInt8(ascii: "b"): out.append(contentsOf: Array("\\u0008".utf8))
                case UInt8(ascii: "f"): out.append(contentsOf: Array("\\u000c".utf8))
                default: out.append(b); out.append(next)
                }
                i += 2
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }
}
