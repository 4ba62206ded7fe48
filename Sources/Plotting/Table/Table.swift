/// A table of rows and columns rendered as semantic HTML (`<table>` with `<caption>`,
/// `<thead>`, `<tbody>`) or as aligned plain text for a terminal.
///
/// Numbers are formatted per column with a deterministic `NumberFormat`; numeric columns are
/// right-aligned unless the column says otherwise; every text is escaped. Column headers are
/// written in `LabelMarkup`: `"xᵢ − μ_B"` shows μ with a subscript B (`<sub>B</sub>`), `"h_{in}"`
/// and `"x^2"` likewise; `\_` is a literal underscore. Plain text shows Unicode scripts where
/// they exist (`h_l` -> "hₗ").
///
///     let table = Table(caption: "Accuracy by model",
///                       columns: ["model", Table.Column("accuracy", format: .percent(1))],
///                       rows: [["linear", 0.512], ["2 hidden layers", 0.987]])
public struct Table: HTMLRenderable, Sendable, Equatable {
    public var caption: String?
    public var columns: [Column]
    public var rows: [[Cell]]

    /// Traps when a row has a different number of cells than there are columns.
    public init(caption: String? = nil, columns: [Column], rows: [[Cell]]) {
        for (index, row) in rows.enumerated() where row.count != columns.count {
            fatalError("Table '\(caption ?? "")': row \(index) has \(row.count) cells for \(columns.count) columns")
        }
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }

    /// The alignment used for column `index`: explicit, else right when every non-empty cell
    /// is numeric (and there is at least one), else left.
    public func resolvedAlignment(_ index: Int) -> Alignment {
        if let alignment = columns[index].alignment { return alignment }
        let cells = rows.map { $0[index] }.filter { $0 != .text("") }
        return !cells.isEmpty && cells.allSatisfy(\.isNumeric) ? .right : .left
    }

    /// The text of cell (row, column) under its column's format.
    public func text(row: Int, column: Int) -> String {
        rows[row][column].formatted(columns[column].format)
    }

    public func html() -> String {
        var out = "<table class=\"nb-table\">\n"
        if let caption { out += "<caption>\(escapeMarkup(caption))</caption>\n" }
        out += "<thead>\n<tr>"
        for index in columns.indices {
            out += "<th scope=\"col\"\(alignmentAttribute(index))>\(LabelMarkup(columns[index].header).html)</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in rows.indices {
            out += "<tr>"
            for column in columns.indices {
                let numeric = rows[row][column].isNumeric ? " class=\"num\"" : ""
                out += "<td\(numeric)\(alignmentAttribute(column))>\(escapeMarkup(text(row: row, column: column)))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    private func alignmentAttribute(_ column: Int) -> String {
        let alignment = resolvedAlignment(column)
        return alignment == .left ? "" : " style=\"text-align:\(alignment.rawValue)\""
    }

    /// The table as aligned monospace text: caption, header, a dashed rule, then rows; columns
    /// separated by two spaces and padded to their widest cell.
    public func plainText() -> String {
        let texts = rows.indices.map { row in columns.indices.map { text(row: row, column: $0) } }
        let headers = columns.map { LabelMarkup($0.header).plainText }
        let widths = columns.indices.map { column in
            ([headers[column]] + texts.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                pad(cell, to: widths[column], alignment: resolvedAlignment(column))
            }.joined(separator: "  ").replacingTrailingSpaces()
        }
        var lines: [String] = []
        if let caption { lines.append(caption) }
        lines.append(line(headers))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += texts.map(line)
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, to width: Int, alignment: Alignment) -> String {
        let missing = Swift.max(0, width - text.count)
        switch alignment {
        case .left: return text + String(repeating: " ", count: missing)
        case .right: return String(repeating: " ", count: missing) + text
        case .center:
            let before = missing / 2
            return String(repeating: " ", count: before) + text + String(repeating: " ", count: missing - before)
        }
    }
}

extension String {
    /// The string without trailing spaces (keeps plain-text tables free of invisible bytes).
    fileprivate func replacingTrailingSpaces() -> String {
        var result = Substring(self)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
