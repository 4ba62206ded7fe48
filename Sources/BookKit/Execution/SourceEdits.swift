/// Edits to a block's code that keep every line where it is: text inserted (or a keyword
/// replaced) within a line, never a line break. The generator wraps a block's last expression
/// and its top-level `try`s this way; the column map lets a compiler diagnostic point at the
/// column the author wrote.
struct SourceEdits {
    struct Edit {
        /// UTF-8 offset in the original code.
        var offset: Int
        /// UTF-8 bytes of the original code replaced (0 for an insertion).
        var removing = 0
        var text: String
        /// Order of edits at the same offset: an outer wrapper opens first and closes last.
        var order = 0
    }

    var edits: [Edit] = []

    mutating func insert(_ text: String, at offset: Int, order: Int = 0) {
        edits.append(Edit(offset: offset, text: text, order: order))
    }

    mutating func replace(_ range: Range<Int>, with text: String) {
        edits.append(Edit(offset: range.lowerBound, removing: range.count, text: text))
    }

    /// The edited code, and where the edits moved columns on each line (lines counted from
    /// `firstLine`, the chapter line of the code's first line).
    func apply(to code: String, firstLine: Int) -> (code: String, columns: ColumnMap) {
        let bytes = Array(code.utf8)
        var out: [UInt8] = []
        var columns = ColumnMap()
        var cursor = 0
        var line = firstLine
        var lineStart = 0
        func copy(upTo end: Int) {
            while cursor < end {
                if bytes[cursor] == UInt8(ascii: "\n") { line += 1; lineStart = cursor + 1 }
                out.append(bytes[cursor])
                cursor += 1
            }
        }
        for edit in edits.enumerated().sorted(by: { ($0.element.offset, $0.element.order, $0.offset) < ($1.element.offset, $1.element.order, $1.offset) }).map(\.element) {
            copy(upTo: edit.offset)
            columns.record(line: line, column: cursor - lineStart + 1, removed: edit.removing, inserted: edit.text.utf8.count)
            out += Array(edit.text.utf8)
            cursor += edit.removing
        }
        copy(upTo: bytes.count)
        return (String(decoding: out, as: UTF8.self), columns)
    }
}

/// Maps a column of the generated program back to the chapter's column on the same line.
struct ColumnMap: Sendable {
    struct Shift: Sendable {
        /// 1-based column in the original line where the edit is.
        var column: Int
        var removed: Int
        var inserted: Int
    }

    private(set) var shifts: [Int: [Shift]] = [:]

    mutating func record(line: Int, column: Int, removed: Int, inserted: Int) {
        shifts[line, default: []].append(Shift(column: column, removed: removed, inserted: inserted))
    }

    mutating func merge(_ other: ColumnMap) {
        for (line, list) in other.shifts { shifts[line, default: []] += list }
    }

    /// The chapter column of generated column `column` on chapter line `line`; a column inside
    /// inserted text maps to the place of the insertion.
    func originalColumn(line: Int, column: Int) -> Int {
        guard let list = shifts[line] else { return column }
        var shift = 0
        for edit in list {
            let start = edit.column + shift
            if column < start { break }
            if column < start + edit.inserted { return edit.column }
            shift += edit.inserted - edit.removed
        }
        return column - shift
    }
}
