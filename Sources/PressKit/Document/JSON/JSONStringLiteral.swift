/// A JSON string literal, escaped as presskit's JSON writer escapes strings: for JSON that other parts of
/// presskit write by hand (the batch report).
public enum JSONStringLiteral {
    public static func quoted(_ text: String) -> String {
        var emitter = JSONEmitter(pretty: false, reserve: text.utf8.count + 2)
        emitter.string(text)
        return String(decoding: emitter.finish(), as: UTF8.self)
    }
}
