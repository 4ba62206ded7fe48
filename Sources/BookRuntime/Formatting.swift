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

// `counted(2, "epoch")` ("2 epochs") lives in Plotting, whose text alternatives need it too; chapter
// programs see it through this module's `@_exported import Plotting`.
