import Foundation

/// `value` with exactly `digits` digits after the decimal point (C's `%.*f`), for inline values in
/// prose such as `{swift} fixed(accuracy * 100, 1)`; `String(describing:)` would print every digit
/// of a Double's shortest round-trip form. A value that rounds to zero prints without a sign
/// ("0.0", never "-0.0"): a reader takes "-0.0" for a small negative result.
public func fixed(_ value: some BinaryFloatingPoint, _ digits: Int = 3) -> String {
    let text = String(format: "%.\(max(0, digits))f", Double(value))
    let roundsToZero = text.allSatisfy { $0 == "-" || $0 == "0" || $0 == "." }
    return roundsToZero && text.hasPrefix("-") ? String(text.dropFirst()) : text
}

/// A count with its noun in the right number, for generated prose: `counted(1, "epoch")` is
/// "1 epoch", `counted(2, "epoch")` is "2 epochs", `counted(3, "child", plural: "children")`.
public func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
