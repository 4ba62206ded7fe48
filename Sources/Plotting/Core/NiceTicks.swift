import Foundation

/// Tick positions for one axis: the padded range, the step and the tick values.
public struct TickSet: Sendable, Equatable {
    /// Lower end of the axis (the first tick for linear axes).
    public var lower: Double
    /// Upper end of the axis (the last tick for linear axes).
    public var upper: Double
    /// Distance between ticks (for log axes: the number of decades per tick).
    public var step: Double
    /// The tick values, ascending.
    public var values: [Double]
    /// Decimals needed to print every tick distinctly (Heckbert's `nfrac`).
    public var fractionDigits: Int
}

/// Heckbert's "nice numbers" tick algorithm (Graphics Gems, 1990, "Nice numbers for graph
/// labels"): ticks are 1, 2 or 5 times a power of ten, and the axis is widened outwards to the
/// nearest ticks ("loose labeling"). Log axes use whole decades.
public enum NiceTicks {
    /// The nice number closest to `x` (rounding) or the smallest nice number >= `x` (ceiling):
    /// 1, 2, 5 or 10 times a power of ten.
    public static func niceNumber(_ x: Double, round: Bool) -> Double {
        precondition(x > 0 && x.isFinite, "niceNumber needs a positive finite value, got \(x)")
        let exponent = floor(log10(x))
        let fraction = x / pow(10, exponent)
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * pow(10, exponent)
    }

    /// Linear ticks covering [minimum, maximum] with about `targetCount` ticks.
    ///
    /// step = nice(nice(max - min, ceiling) / (targetCount - 1), rounding); the axis runs from
    /// floor(min / step) * step to ceil(max / step) * step. A degenerate range (min == max) is
    /// widened to one unit (or 10% of the value) on each side.
    public static func linear(minimum: Double, maximum: Double, targetCount: Int = 6) -> TickSet {
        var low = Swift.min(minimum, maximum)
        var high = Swift.max(minimum, maximum)
        if !low.isFinite || !high.isFinite { low = 0; high = 1 }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let range = niceNumber(high - low, round: false)
        let step = niceNumber(range / Double(Swift.max(1, targetCount - 1)), round: true)
        let firstIndex = Int(floor(low / step + 1e-9))
        let lastIndex = Int(ceil(high / step - 1e-9))
        let exponent = Int(floor(log10(step)))
        let fractionDigits = Swift.max(-exponent, 0)
        // k * step computed from the integer mantissa so 0.1-steps do not drift (0.30000000000000004).
        let mantissa = (step / pow(10, Double(exponent))).rounded()
        let values = (firstIndex...lastIndex).map { index -> Double in
            let raw = exponent < 0
                ? Double(index) * mantissa / pow(10, Double(-exponent))
                : Double(index) * mantissa * pow(10, Double(exponent))
            return raw == 0 ? 0 : raw  // no negative zero
        }
        return TickSet(lower: values.first!, upper: values.last!, step: step,
                       values: values, fractionDigits: fractionDigits)
    }

    /// Log-axis ticks at whole decades covering [minimum, maximum] (both must be > 0); when the
    /// range spans many decades, every second (or fifth...) decade is labelled so that at most
    /// `maximumCount` ticks remain.
    public static func logDecades(minimum: Double, maximum: Double, maximumCount: Int = 8) -> TickSet {
        var low = Swift.min(minimum, maximum)
        var high = Swift.max(minimum, maximum)
        if !(low > 0) || !low.isFinite { low = 1e-3 }
        if !(high > 0) || !high.isFinite || high <= low { high = low * 10 }
        var firstDecade = Int(floor(log10(low) + 1e-9))
        var lastDecade = Int(ceil(log10(high) - 1e-9))
        if firstDecade == lastDecade { lastDecade += 1 }
        let decades = lastDecade - firstDecade
        let stride = Int(niceNumber(Double(decades) / Double(Swift.max(1, maximumCount - 1)), round: false))
        let step = Swift.max(1, stride)
        firstDecade = Int(floor(Double(firstDecade) / Double(step))) * step
        lastDecade = Int(ceil(Double(lastDecade) / Double(step))) * step
        let values = Swift.stride(from: firstDecade, through: lastDecade, by: step).map { pow(10, Double($0)) }
        return TickSet(lower: values.first!, upper: values.last!, step: Double(step),
                       values: values, fractionDigits: Swift.max(0, -firstDecade))
    }

    /// Labels for linear ticks, one consistent style per axis: fixed decimals (Heckbert's
    /// `nfrac`) for ordinary magnitudes, scientific when ticks are tiny or huge.
    public static func labels(for ticks: TickSet) -> [String] {
        let largest = ticks.values.map(abs).max() ?? 0
        if largest >= 1e6 || (ticks.step < 1e-3) {
            return ticks.values.map { NumberFormat.automaticScientific($0) }
        }
        return ticks.values.map { NumberFormat.fixed(ticks.fractionDigits).format($0) }
    }

    /// Labels for log-axis decade ticks: "0.001", "1", "1000" inside [1e-3, 1e6), "1e-05" outside.
    public static func logLabels(for ticks: TickSet) -> [String] {
        ticks.values.map { NumberFormat.automatic.format($0) }
    }
}

extension NumberFormat {
    /// Scientific with trailing zeros trimmed, zero printed as "0" (used for axis labels).
    static func automaticScientific(_ value: Double) -> String {
        value == 0 ? "0" : scientificString(value, digits: 2, trimZeros: true)
    }
}
