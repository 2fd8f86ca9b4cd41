/// What the header of an image file says: its type and its size in pixels (and its resolution when the file
/// records one). Reads PNG (IHDR, pHYs), JPEG (JFIF density, SOFn) and GIF (logical screen) headers.
struct DOCXImageInfo: Equatable {
    enum Kind: String {
        case png, jpeg, gif

        var mediaType: String { "image/" + rawValue }
        var fileExtension: String { self == .jpeg ? "jpeg" : rawValue }
    }

    var kind: Kind
    var width: Int
    var height: Int
    /// Dots per inch across and down, when the file says.
    var dpi: (x: Double, y: Double)?

    static func == (a: DOCXImageInfo, b: DOCXImageInfo) -> Bool {
        a.kind == b.kind && a.width == b.width && a.height == b.height && a.dpi?.x == b.dpi?.x && a.dpi?.y == b.dpi?.y
    }

    /// Reads the header; nil when the bytes are not a PNG, JPEG or GIF image with a usable size.
    init?(_ bytes: [UInt8]) {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            guard let info = Self.png(bytes) else { return nil }
            self = info
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            guard let info = Self.jpeg(bytes) else { return nil }
            self = info
        } else if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
            guard bytes.count >= 10 else { return nil }
            self.init(kind: .gif, width: Int(bytes[6]) | Int(bytes[7]) << 8, height: Int(bytes[8]) | Int(bytes[9]) << 8)
        } else {
            return nil
        }
        guard width > 0, height > 0 else { return nil }
    }

    init(kind: Kind, width: Int, height: Int, dpi: (x: Double, y: Double)? = nil) {
        self.kind = kind
        self.width = width
        self.height = height
        self.dpi = dpi
    }

    private static func be32(_ b: [UInt8], _ i: Int) -> Int {
        Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
    }

    private static func be16(_ b: [UInt8], _ i: Int) -> Int {
        Int(b[i]) << 8 | Int(b[i + 1])
    }

    private static func png(_ b: [UInt8]) -> DOCXImageInfo? {
        guard b.count >= 24, b[12...15].elementsEqual(Array("IHDR".utf8)) else { return nil }
        var info = DOCXImageInfo(kind: .png, width: be32(b, 16), height: be32(b, 20))
        // Walk the chunks before the image data for pHYs (pixels per metre when the unit is 1).
        var i = 8
        while i + 8 <= b.count {
            let length = be32(b, i)
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            if type == "IDAT" || type == "IEND" || length < 0 { break }
            if type == "pHYs", length == 9, i + 17 <= b.count, b[i + 16] == 1 {
                let x = Double(be32(b, i + 8)) * 0.0254, y = Double(be32(b, i + 12)) * 0.0254
                if x >= 10, y >= 10 { info.dpi = (x, y) }
            }
            i += 12 + length
        }
        return info
    }

    private static func jpeg(_ b: [UInt8]) -> DOCXImageInfo? {
        var i = 2
        var dpi: (Double, Double)?
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            let length = be16(b, i + 2)
            guard length >= 2 else { return nil }
            // APP0 JFIF: units 1 = dots per inch, 2 = dots per cm.
            if marker == 0xE0, i + 18 <= b.count, b[(i + 4)..<(i + 9)].elementsEqual(Array("JFIF\0".utf8)) {
                let unit = b[i + 11], x = Double(be16(b, i + 12)), y = Double(be16(b, i + 14))
                if unit == 1, x >= 10, y >= 10 { dpi = (x, y) }
                if unit == 2, x >= 4, y >= 4 { dpi = (x * 2.54, y * 2.54) }
            }
            // Start of frame (baseline, progressive, …), not DHT (C4), JPG (C8) or DAC (CC).
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard i + 9 <= b.count else { return nil }
                return DOCXImageInfo(kind: .jpeg, width: be16(b, i + 7), height: be16(b, i + 5), dpi: dpi)
            }
            if marker == 0xDA || marker == 0xD9 { return nil }
            i += 2 + length
        }
        return nil
    }

    /// EMU per inch (English Metric Units, DrawingML's length).
    static let emuPerInch = 914_400

    /// The size to show the image at, in EMU: its real size (at its resolution, else 96 dpi), or the size the
    /// document asks for in pixels, scaled down to fit `maxWidth` EMU, aspect ratio kept.
    func displaySize(requestedWidth: Int?, requestedHeight: Int?, maxWidth: Int) -> (cx: Int, cy: Int) {
        let dpiX = dpi?.x ?? 96, dpiY = dpi?.y ?? 96
        var w = Double(width) / dpiX * Double(Self.emuPerInch)
        var h = Double(height) / dpiY * Double(Self.emuPerInch)
        let pixel = Double(Self.emuPerInch) / 96
        switch (requestedWidth, requestedHeight) {
        case let (rw?, rh?) where rw > 0 && rh > 0:
            w = Double(rw) * pixel; h = Double(rh) * pixel
        case let (rw?, _) where rw > 0:
            h = h * Double(rw) * pixel / w; w = Double(rw) * pixel
        case let (_, rh?) where rh > 0:
            w = w * Double(rh) * pixel / h; h = Double(rh) * pixel
        default: break
        }
        if w > Double(maxWidth) {
            h = h * Double(maxWidth) / w
            w = Double(maxWidth)
        }
        return (max(1, Int(w.rounded())), max(1, Int(h.rounded())))
    }
}
