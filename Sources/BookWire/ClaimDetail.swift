/// How a claim's numbers are written into its record, "observed 7.4%, expected < 15.0%": the
/// runtime writes it (`expect(_:approximately:...)` and the bounds), and the page renderer reads
/// it back to say it in the page's language. One definition of the wording for both sides.
public enum ClaimDetail {
    static let observedPrefix = "observed "
    static let expectedSeparator = ", expected "

    /// "observed \(observed), expected \(expected)"
    public static func text(observed: String, expected: String) -> String {
        observedPrefix + observed + expectedSeparator + expected
    }

    /// The two parts of a detail `text(observed:expected:)` wrote; nil for any other text.
    public static func parse(_ detail: String) -> (observed: String, expected: String)? {
        guard detail.hasPrefix(observedPrefix),
              let separator = detail.range(of: expectedSeparator) else { return nil }
        let observed = detail[detail.index(detail.startIndex, offsetBy: observedPrefix.count)..<separator.lowerBound]
        return (String(observed), String(detail[separator.upperBound...]))
    }
}
