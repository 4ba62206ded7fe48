extension Table {
    /// One table cell: text, a floating-point number formatted by its column, or an integer.
    /// Literals work directly: `["ReLU", 0.931, 12]`.
    public enum Cell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
                      ExpressibleByIntegerLiteral {
        case text(String)
        case number(Double)
        case integer(Int)

        public init(stringLiteral value: String) { self = .text(value) }
        public init(floatLiteral value: Double) { self = .number(value) }
        public init(integerLiteral value: Int) { self = .integer(value) }

        /// Whether the cell holds a number (right-aligned by default).
        public var isNumeric: Bool {
            if case .text = self { return false }
            return true
        }

        /// The cell's text under `format` (which applies to `.number` cells only; integers print
        /// as integers except under `.percent`).
        public func formatted(_ format: NumberFormat) -> String {
            switch self {
            case .text(let text): return text
            case .number(let value): return format.format(value)
            case .integer(let value):
                if case .percent = format { return format.format(Double(value)) }
                return String(value)
            }
        }
    }

    /// Horizontal alignment of a column.
    public enum Alignment: String, Sendable, Equatable {
        case left, center, right
    }

    /// A column: header text, alignment (nil: right for numeric columns, left otherwise) and
    /// the number format for its `.number` cells.
    public struct Column: Sendable, Equatable, ExpressibleByStringLiteral {
        public var header: String
        public var alignment: Alignment?
        public var format: NumberFormat

        public init(_ header: String, alignment: Alignment? = nil, format: NumberFormat = .automatic) {
            self.header = header
            self.alignment = alignment
            self.format = format
        }

        public init(stringLiteral value: String) { self.init(value) }
    }
}
