import Foundation

/// `value` with exactly `digits` digits after the decimal point (C's `%.*f`), for inline values in
/// prose such as `{swift} fixed(accuracy * 100, 1)`; `String(describing:)` would print every digit
/// of a Double's shortest round-trip form.
public func fixed(_ value: some BinaryFloatingPoint, _ digits: Int = 3) -> String {
    String(format: "%.\(max(0, digits))f", Double(value))
}
