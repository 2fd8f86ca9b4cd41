/// Photo notes in wire-style text: "[Photo: The new plant in Westmoreland County – img/plant.png]",
/// "[Foto: Ministerin Müller beim Besuch (foto/besuch.jpg)]", "[Image: … - https://example.com/a.jpg]".
/// The note becomes a figure: the image file and its caption.
enum PhotoNotes {
    private static let labels: Set<String> = [
        "photo", "photos", "foto", "fotos", "image", "picture", "bild", "bilder", "grafik", "illustration",
        "photograph", "photo caption", "bildunterschrift", "imagen", "immagine", "фото", "фотография", "zdjęcie",
        "afbeelding",
    ]
    /// The extensions of image files, in lower case (also the HTML reader's rule for a bare file name).
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "tif", "tiff", "bmp", "svg", "heic", "avif"]

    static func figure(_ text: String) -> Figure? {
        let t = text.trimmingSpaces()
        guard t.utf8.count <= 600, t.hasPrefix("["), t.hasSuffix("]"), let colon = t.firstIndex(of: ":") else { return nil }
        let label = t[t.index(after: t.startIndex)..<colon].trimmingSpaces().fastLowercased()
        guard labels.contains(label) else { return nil }
        var body = t[t.index(after: colon)..<t.index(before: t.endIndex)].trimmingSpaces()
        var path: String?
        if body.hasSuffix(")"), let open = body.lastIndex(of: "(") {
            let inside = body[body.index(after: open)..<body.index(before: body.endIndex)].trimmingSpaces()
            if isImagePath(inside) { path = inside; body = body[..<open].trimmingSpaces() }
        }
        if path == nil {
            for sep in [" \u{2013} ", " \u{2014} ", " - ", " | "] {
                guard let r = body.lastRange(of: sep) else { continue }
                let tail = body[r.upperBound...].trimmingSpaces()
                if isImagePath(tail) { path = tail; body = body[..<r.lowerBound].trimmingSpaces(); break }
            }
        }
        if path == nil, isImagePath(body) { path = body; body = "" }
        guard let path else { return nil }
        return Figure(image: Image(source: path, alt: body), caption: body.isEmpty ? [] : [.text(body)])
    }

    private static func isImagePath(_ s: String) -> Bool {
        guard !s.isEmpty, !s.contains(" ") else { return false }
        guard let dot = s.lastIndex(of: "."), dot > s.startIndex else { return false }
        return imageExtensions.contains(s[s.index(after: dot)...].fastLowercased())
    }
}
