import Foundation

// Claims: statements the chapter's prose makes about its own experiments, checked every build.
// A failed claim does not stop the chapter; it is shown as failed in the page and fails the build.
// `line` defaults to the call's chapter line (the generated program maps lines with
// `#sourceLocation`), so the build summary can point at it.

/// Claims that `condition` holds.
public func expect(_ condition: Bool, _ claim: String, line: Int = #line) {
    _BookSession.emit(.claim(text: claim, passed: condition, detail: nil, line: line))
}

/// Claims that `value` is within `tolerance` of `expected`: |value - expected| <= tolerance.
/// NaN never passes.
public func expect(_ value: some BinaryFloatingPoint, approximately expected: Double, tolerance: Double,
                   _ claim: String, line: Int = #line) {
    let observed = Double(value)
    let passed = abs(observed - expected) <= tolerance
    let detail = "observed \(claimNumber(observed)), expected \(claimNumber(expected)) ± \(claimNumber(tolerance))"
    _BookSession.emit(.claim(text: claim, passed: passed, detail: detail, line: line))
}

/// Claims that `value < bound` (NaN never passes).
public func expect(_ value: some BinaryFloatingPoint, lessThan bound: Double, _ claim: String, line: Int = #line) {
    let observed = Double(value)
    let detail = "observed \(claimNumber(observed)), expected < \(claimNumber(bound))"
    _BookSession.emit(.claim(text: claim, passed: observed < bound, detail: detail, line: line))
}

/// Claims that `value > bound` (NaN never passes).
public func expect(_ value: some BinaryFloatingPoint, greaterThan bound: Double, _ claim: String, line: Int = #line) {
    let observed = Double(value)
    let detail = "observed \(claimNumber(observed)), expected > \(claimNumber(bound))"
    _BookSession.emit(.claim(text: claim, passed: observed > bound, detail: detail, line: line))
}

/// Six significant digits, the same on every machine (C's `%g`), for claim details.
func claimNumber(_ x: Double) -> String {
    String(format: "%.6g", x)
}
