/// Builds the messages of shape and axis errors, so tests can check the text that `fatalError` prints.
///
/// Shape mismatches are programmer errors: they trap (like PyTorch raising) and name the operation and
/// both shapes, e.g. `matmul: shapes [3, 4] and [5, 2] do not match (4 != 5)`.
public enum ShapeError {
    /// Formats a shape as `[3, 4]`.
    public static func describe(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }

    /// `op: shapes [a] and [b] do not match (detail)`.
    public static func message(_ op: String, _ a: [Int], _ b: [Int], detail: String? = nil) -> String {
        var text = "\(op): shapes \(describe(a)) and \(describe(b)) do not match"
        if let detail { text += " (\(detail))" }
        return text
    }

    /// `op: axis 3 is out of range for shape [2, 3]`.
    public static func axisMessage(_ op: String, axis: Int, shape: [Int]) -> String {
        "\(op): axis \(axis) is out of range for shape \(describe(shape)) (rank \(shape.count))"
    }

    /// `op: dtypes float32 and float64 differ`.
    public static func dtypeMessage(_ op: String, _ a: DType, _ b: DType) -> String {
        "\(op): dtypes \(a) and \(b) differ; convert one with .to(_:)"
    }

    /// Traps with `message(op, a, b, detail:)`.
    public static func mismatch(_ op: String, _ a: [Int], _ b: [Int], detail: String? = nil) -> Never {
        fatalError(message(op, a, b, detail: detail))
    }

    /// Traps with a free-form message prefixed by the op name.
    public static func fail(_ op: String, _ text: String) -> Never {
        fatalError("\(op): \(text)")
    }
}
