import Foundation

/// The header of a NumPy `.npy` file (format versions 1.0–3.0, NEP 1 "A simple file format for NumPy
/// arrays"): magic `\x93NUMPY`, version bytes, a little-endian header length, then a Python dict
/// literal such as `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }` padded with spaces to
/// a multiple of 64 bytes and ending in a newline.
struct NPYHeader: Equatable {
    var descr: String
    var fortranOrder: Bool
    var shape: [Int]

    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]   // "\x93NUMPY"

    /// Parses the header; returns it and the offset where the data starts.
    static func parse(_ bytes: [UInt8], path: String) throws -> (NPYHeader, Int) {
        func fail(_ reason: String) -> NPYError { NPYError(path: path, reason: "invalid .npy header: " + reason) }
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw fail("missing the \\x93NUMPY magic string") }
        let major = bytes[6]
        let headerLength: Int, start: Int
        switch major {
        case 1: headerLength = Int(bytes[8]) | Int(bytes[9]) << 8; start = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw fail("truncated header") }
            headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }; start = 12
        default: throw fail("unsupported format version \(major).\(bytes[7])")
        }
        guard bytes.count >= start + headerLength else { throw fail("truncated header (\(headerLength) bytes announced)") }
        guard let text = String(bytes: bytes[start..<(start + headerLength)], encoding: major == 3 ? .utf8 : .isoLatin1) else {
            throw fail("header is not text")
        }
        guard let descr = value(of: "descr", in: text).map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }) else {
            throw fail("header has no 'descr': \(text)")
        }
        guard let fortran = value(of: "fortran_order", in: text) else { throw fail("header has no 'fortran_order': \(text)") }
        guard let shapeText = value(of: "shape", in: text) else { throw fail("header has no 'shape': \(text)") }
        let inner = shapeText.trimmingCharacters(in: CharacterSet(charactersIn: "() "))
        var shape: [Int] = []
        for part in inner.split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let d = Int(trimmed.hasSuffix("L") ? String(trimmed.dropLast()) : trimmed), d >= 0 else {
                throw fail("bad shape \(shapeText)")
            }
            shape.append(d)
        }
        return (NPYHeader(descr: descr, fortranOrder: fortran == "True", shape: shape), start + headerLength)
    }

    /// The raw text after `'key':` up to the next top-level comma (a tuple counts as one value).
    private static func value(of key: String, in text: String) -> String? {
        guard let keyRange = text.range(of: "'\(key)'") ?? text.range(of: "\"\(key)\""),
              let colon = text[keyRange.upperBound...].firstIndex(of: ":") else { return nil }
        var depth = 0
        var result = ""
        for ch in text[text.index(after: colon)...] {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth -= 1 }
            if (ch == "," && depth == 0) || ch == "}" { break }
            result.append(ch)
            if depth < 0 { break }
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// Version 1.0 header bytes, padded so the data starts at a multiple of 64 bytes.
    func encoded() -> [UInt8] {
        let shapeText = shape.isEmpty ? "()" : shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var dict = "{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(shapeText), }"
        let unpadded = 10 + dict.utf8.count + 1
        dict += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        let length = dict.utf8.count
        return Self.magic + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(dict.utf8)
    }
}
