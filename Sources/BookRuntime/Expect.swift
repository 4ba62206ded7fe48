import BookWire
import Foundation
import Plotting

// Claims: statements the chapter's prose makes about its own experiments, checked every build.
// A failed claim does not stop the chapter; it is shown as failed in the page and fails the build.
// `line` defaults to the call's chapter line (the generated program maps lines with
// `#sourceLocation`), so the build summary can point at it.
//
// `format` writes the observed and expected numbers in the claim's own units, so a claim about a
// percentage reads "observed 7.4%, expected < 15.0%" (`format: .percent(1)`), not "0.0742115".
// The default, `.automatic`, keeps four significant digits and switches to scientific notation
// outside [1e-3, 1e6).

/// Claims that `condition` holds.
public func expect(_ condition: Bool, _ claim: String, line: Int = #line) {
    _BookSession.emit(.claim(text: claim, passed: condition, detail: nil, line: line))
}

/// Claims that `value` is within `tolerance` of `expected`: |value - expected| <= tolerance.
/// NaN never passes.
public func expect(_ value: some BinaryFloatingPoint, approximately expected: Double, tolerance: Double,
                   _ claim: String, format: NumberFormat = .automatic, line: Int = #line) {
    let observed = Double(value)
    let passed = abs(observed - expected) <= tolerance
    let detail = claimDetail(observed, "\(format.format(expected)) ± \(format.format(tolerance))", format)
    _BookSession.emit(.claim(text: claim, passed: passed, detail: detail, line: line))
}

/// Claims that `value < bound` (NaN never passes).
public func expect(_ value: some BinaryFloatingPoint, lessThan bound: Double, _ claim: String,
                   format: NumberFormat = .automatic, line: Int = #line) {
    let observed = Double(value)
    let detail = claimDetail(observed, "< " + format.format(bound), format)
    _BookSession.emit(.claim(text: claim, passed: observed < bound, detail: detail, line: line))
}

/// Claims that `value > bound` (NaN never passes).
public func expect(_ value: some BinaryFloatingPoint, greaterThan bound: Double, _ claim: String,
                   format: NumberFormat = .automatic, line: Int = #line) {
    let observed = Double(value)
    let detail = claimDetail(observed, "> " + format.format(bound), format)
    _BookSession.emit(.claim(text: claim, passed: observed > bound, detail: detail, line: line))
}

/// "observed 7.4%, expected < 15.0%": what a claim box shows beside the claim.
func claimDetail(_ observed: Double, _ expected: String, _ format: NumberFormat) -> String {
    ClaimDetail.text(observed: format.format(observed), expected: expected)
}
