import Foundation

/// Tick positions for one axis: the padded range, the step and the tick values.
public struct TickSet: Sendable, Equatable {
    /// Lower end of the axis (the first tick for linear axes).
    public var lower: Double
    /// Upper end of the axis (the last tick for linear axes).
    public var upper: Double
    /// Distance between ticks (for log axes: the number of decades between labelled ticks).
    public var step: Double
    /// The labelled tick values, ascending.
    public var values: [Double]
    /// Decimals needed to print every tick distinctly (Heckbert's `nfrac`).
    public var fractionDigits: Int
    /// Unlabelled ticks (log axes: the decades between labelled ones), ascending.
    public var minorValues: [Double] = []
}

/// Axis ticks at round values, few enough to read.
///
/// Linear axes follow Talbot, Lin & Hanrahan, "An Extension of Wilkinson's Algorithm for
/// Positioning Tick Labels on Axes" (IEEE InfoVis 2010), restricted to loose labelings (the axis
/// ends at a tick beyond the data): steps are q × 10^k with q from Q = [1, 5, 2, 2.5] (earlier is
/// simpler), at most `maximumCount` ticks, and the step maximises
/// 0.25 simplicity + 0.2 coverage + 0.5 density. Coverage measures how far the axis overshoots
/// the data relative to 20 % of its span (Talbot et al. use 10 % for labelings that may also fall
/// inside the data; for loose labelings that rejected 5 ticks of 50 on [-37, 112] in favour of 8
/// ticks of 25). Log axes tick every decade they span.
public enum NiceTicks {
    /// The nice step mantissas in order of preference (Talbot et al.'s Q without 4 and 3).
    public static let mantissas: [Double] = [1, 5, 2, 2.5]

    /// The nice number closest to `x` (rounding) or the smallest nice number >= `x` (ceiling):
    /// 1, 2, 5 or 10 times a power of ten (Heckbert, "Nice numbers for graph labels", 1990).
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

    /// Linear ticks covering [minimum, maximum], about `targetCount` of them and never more than
    /// `maximumCount`. A degenerate range (min == max) is widened to one unit (or 10 % of the
    /// value) on each side. Zero is a tick whenever the axis spans it.
    public static func linear(minimum: Double, maximum: Double, targetCount: Int = 6,
                              maximumCount: Int = 8) -> TickSet {
        var low = Swift.min(minimum, maximum)
        var high = Swift.max(minimum, maximum)
        if !low.isFinite || !high.isFinite { low = 0; high = 1 }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let limit = Swift.max(2, maximumCount)
        let target = Double(Swift.min(Swift.max(2, targetCount), limit))
        let span = high - low
        let baseExponent = Int(floor(log10(span / (target - 1))))
        var best: (score: Double, mantissa: Int, exponent: Int, first: Int, last: Int)?
        for exponent in (baseExponent - 1)...(baseExponent + 3) {
            for (rank, q) in mantissas.enumerated() {
                // step = (10 q) × 10^(exponent - 1): an integer mantissa keeps the ticks exact.
                let mantissa = Int((q * 10).rounded())
                let step = q * pow(10, Double(exponent))
                let first = Int(floor(low / step + 1e-9))
                let last = Int(ceil(high / step - 1e-9))
                let count = last - first + 1
                guard count >= 2, count <= limit else { continue }
                let simplicity = 1 - Double(rank) / Double(mantissas.count - 1)
                let overshoot = pow(high - Double(last) * step, 2) + pow(low - Double(first) * step, 2)
                let coverage = 1 - 0.5 * overshoot / pow(0.2 * span, 2)
                let density = 2 - Swift.max(Double(count) / target, target / Double(count))
                let score = 0.25 * simplicity + 0.2 * coverage + 0.5 * density
                if best == nil || score > best!.score + 1e-12 {
                    best = (score, mantissa, exponent - 1, first, last)
                }
            }
            if best != nil && exponent > baseExponent { break }
        }
        let choice = best!
        let values = (choice.first...choice.last).map { decimalValue(units: $0 * choice.mantissa, exponent: choice.exponent) }
        // Decimals: those of the step 10q × 10^e, less one when 10q ends in a zero (q = 1, 2, 5).
        let digits = Swift.max(0, -choice.exponent - (choice.mantissa % 10 == 0 ? 1 : 0))
        return TickSet(lower: values.first!, upper: values.last!,
                       step: decimalValue(units: choice.mantissa, exponent: choice.exponent),
                       values: values, fractionDigits: digits)
    }

    /// units × 10^exponent, correctly rounded (0.1-steps do not drift to 0.30000000000000004)
    /// and never negative zero.
    static func decimalValue(units: Int, exponent: Int) -> Double {
        let raw = exponent < 0 ? Double(units) / pow(10, Double(-exponent)) : Double(units) * pow(10, Double(exponent))
        return raw == 0 ? 0 : raw
    }

    /// Log-axis ticks covering [minimum, maximum] (both must be > 0; others fall back to 1e-3 and
    /// ten times the minimum), with a tick in every decade the axis spans.
    ///
    /// Up to two decades: labelled ticks at 1, 2 and 5 times each power of ten. More: labelled
    /// ticks every `step` decades (1, 2, 3, 5, 10, ...) so that at most `maximumCount` carry a
    /// label; the decades between are `minorValues`.
    public static func logDecades(minimum: Double, maximum: Double, maximumCount: Int = 8) -> TickSet {
        var low = Swift.min(minimum, maximum)
        var high = Swift.max(minimum, maximum)
        if !(low > 0) || !low.isFinite { low = 1e-3 }
        if !(high > 0) || !high.isFinite || high <= low { high = low * 10 }
        let firstDecade = Int(floor(log10(low) + 1e-9))
        var lastDecade = Int(ceil(log10(high) - 1e-9))
        if firstDecade == lastDecade { lastDecade += 1 }
        if lastDecade - firstDecade <= 2 {
            // Few decades: 1-2-5 ticks, trimmed to the data but ending on a tick.
            var values: [Double] = []
            for decade in firstDecade...lastDecade {
                for multiple in [1, 2, 5] where decade < lastDecade || multiple == 1 {
                    values.append(decimalValue(units: multiple, exponent: decade))
                }
            }
            let lowerIndex = values.lastIndex { $0 <= low * (1 + 1e-9) } ?? 0
            let upperIndex = values.firstIndex { $0 >= high * (1 - 1e-9) } ?? values.count - 1
            values = Array(values[lowerIndex...upperIndex])
            if values.count <= Swift.max(2, maximumCount) {
                let minor = (firstDecade...lastDecade).map { decimalValue(units: 1, exponent: $0) }
                    .filter { $0 > values.first! && $0 < values.last! && !values.contains($0) }
                return TickSet(lower: values.first!, upper: values.last!, step: 1, values: values,
                               fractionDigits: Swift.max(0, -firstDecade), minorValues: minor)
            }
        }
        // Label every `step`-th decade (multiples of the step, so 10^-6, 10^-3, 10^0 ...), the
        // fewest steps that leave at most `maximumCount` labels; the axis still ends at the data's
        // own decades, so no space is spent on empty decades.
        let limit = Swift.max(2, maximumCount)
        let decades = Array(firstDecade...lastDecade)
        var step = 1
        var labelled = decades
        for candidate in [1, 2, 3, 5, 10, 20, 25, 50, 100] {
            step = candidate
            labelled = decades.filter { (($0 % candidate) + candidate) % candidate == 0 }
            if labelled.count <= limit { break }
        }
        if labelled.count < 2 { labelled = Array(Set(labelled + [firstDecade, lastDecade])).sorted() }
        let values = labelled.map { decimalValue(units: 1, exponent: $0) }
        let minor = decades.filter { !labelled.contains($0) }.map { decimalValue(units: 1, exponent: $0) }
        return TickSet(lower: decimalValue(units: 1, exponent: firstDecade), upper: decimalValue(units: 1, exponent: lastDecade),
                       step: Double(step), values: values, fractionDigits: Swift.max(0, -firstDecade), minorValues: minor)
    }

    /// Labels for linear ticks in one format per axis: fixed decimals (the step's) for ordinary
    /// magnitudes; for ticks of 10^6 and more or steps below 10^-4, normalised scientific
    /// notation `2.5×10^{-5}` (label markup) with the same mantissa decimals on every tick.
    /// Negative numbers use the minus sign (U+2212).
    public static func labels(for ticks: TickSet) -> [String] {
        let largest = ticks.values.map(abs).max() ?? 0
        if largest >= 1e6 || ticks.fractionDigits > 4 {
            return scientificLabels(ticks.values)
        }
        return ticks.values.map { typographicMinus(NumberFormat.fixed(ticks.fractionDigits).format($0)) }
    }

    /// Labels for log-axis ticks: plain numbers ("0.01", "1", "1000") when every tick lies in
    /// [10^-3, 10^4], otherwise powers of ten in label markup ("10^{-6}", "2×10^{-6}").
    public static func logLabels(for ticks: TickSet) -> [String] {
        let plain = ticks.values.allSatisfy { $0 >= 1e-3 * (1 - 1e-9) && $0 <= 1e4 * (1 + 1e-9) }
        return ticks.values.map { value in
            if plain { return NumberFormat.automatic.format(value) }
            let exponent = Int(floor(log10(value) + 1e-9))
            let mantissa = (value / pow(10, Double(exponent))).rounded()
            let power = "10^{" + typographicMinus(String(exponent)) + "}"
            return mantissa == 1 ? power : NumberFormat.automatic.format(mantissa) + "×" + power
        }
    }

    /// Normalised scientific labels with a shared number of mantissa decimals (at most 3).
    static func scientificLabels(_ values: [Double]) -> [String] {
        func parts(_ value: Double, _ digits: Int) -> (mantissa: String, exponent: Int) {
            let text = NumberFormat.scientific(digits).format(value)  // "-2.50e-05"
            let pieces = text.split(separator: "e")
            return (String(pieces[0]), Int(pieces[1])!)
        }
        // The fewest decimals that print every tick's mantissa exactly.
        var digits = 0
        while digits < 3, values.contains(where: { value in
            value != 0 && abs(Double(parts(value, digits).mantissa)! * pow(10, Double(parts(value, digits).exponent)) - value)
                > abs(value) * 1e-9
        }) {
            digits += 1
        }
        return values.map { value in
            guard value != 0 else { return "0" }
            let (mantissa, exponent) = parts(value, digits)
            return typographicMinus(mantissa) + "×10^{" + typographicMinus(String(exponent)) + "}"
        }
    }

    /// The text with a leading hyphen-minus replaced by the minus sign U+2212.
    static func typographicMinus(_ text: String) -> String {
        text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }
}
