import Foundation

/// Repeated measurements of one quantity (over seeds, folds or draws of data) and what the book
/// reports about them. Every chapter uses this one type, so "mean ± sd" means the same thing on
/// every page:
///
/// - `mean` is the arithmetic mean, summed in order (so a chapter's numbers do not depend on how
///   it stored its values).
/// - `sd` is the *sample* standard deviation, divisor n − 1 (Bessel's correction): the values are
///   a sample of what other seeds would give, and the divisor n would understate the spread, by
///   a factor √(4/5) ≈ 0.89 for five seeds. It needs at least two values.
/// - `standardError` is the standard deviation of the mean, sd / √n.
/// - `low ... high` is the 95% confidence interval of the mean, mean ± t · sd / √n, with t the
///   97.5% quantile of Student's t distribution with n − 1 degrees of freedom (`studentT975`). It
///   assumes the values are roughly normal and independent; for two methods run with the same
///   seeds, take the interval of their paired differences (`Spread.paired`), which removes what
///   the seeds share.
///
/// Formatting: `text(_:scale:)` writes "mean ± sd" with fixed decimals ("0.934 ± 0.012"),
/// `text()` with as many decimals as the sd's first two significant digits need, `percent(_:)`
/// "91.2 ± 0.4%", `scientific()` "1.23e-02 ± 4.5e-03", `intervalText(_:scale:)` "-0.3 to 1.2" and
/// `signedMean(_:scale:)` "+0.4". No format prints "-0.0" (see `fixed`).
public struct Spread: Sendable, Equatable, CustomStringConvertible {
    /// The measurements, in the order given.
    public let values: [Double]
    /// The arithmetic mean: Σ xᵢ / n.
    public let mean: Double

    /// The measurements `values`; traps when there are none (a mean of nothing is a bug in the
    /// experiment, not a number to print).
    public init<Values: Sequence>(_ values: Values) where Values.Element: BinaryFloatingPoint {
        let doubles = values.map { Double($0) }
        precondition(!doubles.isEmpty, "Spread: no values (an experiment with no seeds?)")
        self.values = doubles
        mean = doubles.reduce(0, +) / Double(doubles.count)
    }

    /// The differences a[i] − b[i] of two methods measured with the same seeds (folds, draws), in
    /// that order; traps when the counts differ.
    public static func paired(_ a: [Double], _ b: [Double]) -> Spread {
        precondition(a.count == b.count, "Spread.paired: \(a.count) values against \(b.count)")
        return Spread(zip(a, b).map { $0 - $1 })
    }

    /// The number of measurements n.
    public var count: Int { values.count }

    /// The sample variance Σ (xᵢ − mean)² / (n − 1).
    public var variance: Double {
        precondition(count >= 2, "Spread: a standard deviation needs at least 2 values, got \(count)")
        let m = mean
        return values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(count - 1)
    }

    /// The sample standard deviation, √variance (divisor n − 1).
    public var sd: Double { variance.squareRoot() }

    /// The standard error of the mean, sd / √n.
    public var standardError: Double { sd / Double(count).squareRoot() }

    /// The smallest and the largest measurement.
    public var min: Double { values.min()! }
    public var max: Double { values.max()! }

    /// The geometric mean exp(Σ ln xᵢ / n), the centre of quantities that vary by factors (norms
    /// plotted on a log scale); traps unless every value is positive.
    public var geometricMean: Double {
        precondition(values.allSatisfy { $0 > 0 }, "Spread.geometricMean needs positive values, got \(values.filter { !($0 > 0) })")
        return exp(values.map(log).reduce(0, +) / Double(count))
    }

    /// The 97.5% quantile of Student's t distribution with n − 1 degrees of freedom: the factor of
    /// the standard error in the 95% confidence interval.
    public var tQuantile: Double { Spread.studentT975(degreesOfFreedom: count - 1) }

    /// Half the width of the 95% confidence interval of the mean, t · sd / √n.
    public var margin: Double { tQuantile * sd / Double(count).squareRoot() }

    /// The lower and the upper end of the 95% confidence interval of the mean.
    public var low: Double { mean - margin }
    public var high: Double { mean + margin }

    /// The 97.5% quantile t of Student's t distribution with `degreesOfFreedom` ν: P(T ≤ t) = 0.975.
    ///
    /// For ν ≤ 30 the value comes from the table below (the quantiles to six decimals, as computed by
    /// SciPy's `t.ppf(0.975, ν)`; printed tables round them to three). Beyond it, the Cornish–Fisher
    /// expansion of t in powers of 1/ν around the normal quantile z = 1.959964 (Abramowitz and Stegun,
    /// Handbook of Mathematical Functions, 26.7.5), whose error is below 3e-8 for ν > 30 and shrinks
    /// as 1/ν⁵. Traps for ν < 1: one value has no spread to build an interval from.
    public static func studentT975(degreesOfFreedom nu: Int) -> Double {
        precondition(nu >= 1, "Spread: a confidence interval needs at least 2 values (1 degree of freedom), got \(nu) degrees of freedom")
        if nu <= t975Table.count { return t975Table[nu - 1] }
        let z = 1.959963984540054, v = Double(nu)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z
        let g1 = (z3 + z) / 4
        let g2 = (5 * z5 + 16 * z3 + 3 * z) / 96
        let g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384
        let g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160
        return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v)
    }

    /// t₀.₉₇₅ for 1 to 30 degrees of freedom.
    static let t975Table: [Double] = [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ]

    // MARK: Formatting

    /// "0.934 ± 0.012": mean ± sd with `digits` decimals, both multiplied by `scale` first (100
    /// for a share written in percent, "91.2 ± 0.4", when the % is in a column header).
    public func text(_ digits: Int, scale: Double = 1) -> String {
        fixed(scale * mean, digits) + " ± " + fixed(scale * sd, digits)
    }

    /// "0.2282 ± 0.0013": mean ± sd with as many decimals as the sd's first two significant
    /// digits need (at most 6; 3 when the sd is 0), and `scientific()` when both are below 0.001,
    /// where fixed decimals would print zeros.
    public func text() -> String {
        let s = sd
        if Swift.max(abs(mean), s) < 1e-3 { return scientific() }
        let decimals = s > 0 ? Swift.max(0, Swift.min(6, 1 - Int(floor(log10(s))))) : 3
        return text(decimals)
    }

    /// "91.2 ± 0.4%": a share (0.912) as mean ± sd in percent, with `digits` decimals.
    public func percent(_ digits: Int = 1) -> String { text(digits, scale: 100) + "%" }

    /// "1.23e-02 ± 4.5e-03": mean ± sd in scientific notation, for values that span decades.
    public func scientific() -> String {
        Spread.scientific(mean, digits: 2) + " ± " + Spread.scientific(sd, digits: 1)
    }

    /// "-0.3 to 1.2": the 95% confidence interval of the mean, scaled, with `digits` decimals.
    public func intervalText(_ digits: Int, scale: Double = 1) -> String {
        fixed(scale * low, digits) + " to " + fixed(scale * high, digits)
    }

    /// "+0.4", "-1.8", "0.0": the mean with an explicit sign (none when it rounds to zero), for
    /// differences.
    public func signedMean(_ digits: Int, scale: Double = 1) -> String {
        let text = fixed(scale * mean, digits)
        return scale * mean > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text
    }

    /// `text()`; a single value as itself (it has no spread).
    public var description: String { count >= 2 ? text() : "\(mean)" }

    /// `%.Ne` of `value`, without the sign of a negative zero.
    static func scientific(_ value: Double, digits: Int) -> String {
        String(format: "%.\(Swift.max(0, digits))e", value == 0 ? 0 : value)
    }
}
