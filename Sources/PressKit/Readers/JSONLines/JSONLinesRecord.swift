/// Reads one line of a JSON Lines input: a presskit document (as `-t jsonl` writes it), or a record
/// `{"id"?, "url"?, "format"?, "content" | "html" | "text" | "markdown"}`. `id`, `url`, `warcRecordId`
/// and `warcDate` are kept for the output line.
public enum JSONLinesRecord {
    /// The keys a line carries besides its document or content.
    static let envelopeKeys: Set<String> = ["id", "url", "warcRecordId", "warcDate"]
    static let contentKeys = ["content", "html", "text", "markdown"]

    /// The item for line `number`; nil for a blank line.
    public static func item(_ line: [UInt8], number: Int, maxDepth: Int = JSONValue.defaultMaxDepth) -> StreamItem? {
        var end = line.count
        while end > 0, line[end - 1] == 0x0A || line[end - 1] == 0x0D { end -= 1 }
        var start = 0
        if end >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF { start = 3 } // a BOM on the first line
        let bytes = Array(line[start..<end])
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        var item = StreamItem(position: .line(number), payload: .failure(""))
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes, maxDepth: maxDepth)
        } catch {
            item.payload = .failure("invalid JSON at column \(error.column): \(error.message)")
            return item
        }
        guard case .object(let members) = value else {
            item.payload = .failure("a line must be a JSON object, not \(DocumentJSONDecoder.kind(value))")
            return item
        }
        item.info.id = scalarText(value["id"])
        item.info.url = scalarText(value["url"])
        item.info.warcRecordId = scalarText(value["warcRecordId"])
        item.info.warcDate = scalarText(value["warcDate"])
        if let key = contentKeys.first(where: { value[$0] != nil }) {
            guard case .string(let text)? = value[key] else {
                item.payload = .failure("\"\(key)\" must be a string")
                return item
            }
            var format: String?
            switch key {
            case "html", "text", "markdown": format = key
            default: format = nil
            }
            if let named = value["format"] {
                guard case .string(let name) = named else {
                    item.payload = .failure("\"format\" must be a string")
                    return item
                }
                format = name
            }
            item.payload = .content(Array(text.utf8), format: format)
            return item
        }
        if value["version"] != nil || value["blocks"] != nil || value["metadata"] != nil {
            let document = JSONValue.object(members.filter { !envelopeKeys.contains($0.key) })
            item.payload = .document(document.serialized(pretty: false))
            return item
        }
        item.payload = .failure("a line must be a presskit document or a record with \"content\", \"html\", "
                                + "\"text\" or \"markdown\"")
        return item
    }

    /// A string, or a number's text (ids are often numbers).
    private static func scalarText(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s)?: return s.isEmpty ? nil : s
        case .number(let n)?: return n
        default: return nil
        }
    }
}
