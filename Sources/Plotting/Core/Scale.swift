import Foundation

/// How an axis maps data values to positions.
public enum AxisScale: Sendable, Equatable {
    /// Positions proportional to values.
    case linear
    /// Positions proportional to log10(value); values <= 0 cannot be drawn and are skipped.
    case log
}

/// A map from a data interval to a pixel interval, linear or logarithmic.
struct PositionScale {
    var domain: (lower: Double, upper: Double)
    var range: (start: Double, end: Double)
    var kind: AxisScale

    /// The pixel position of `value`, or nil when it cannot be drawn (non-finite, or <= 0 on a
    /// log axis).
    func position(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let t: Double
        switch kind {
        case .linear:
            let span = domain.upper - domain.lower
            t = span == 0 ? 0.5 : (value - domain.lower) / span
        case .log:
            guard value > 0 else { return nil }
            let low = log10(domain.lower), high = log10(domain.upper)
            t = high == low ? 0.5 : (log10(value) - low) / (high - low)
        }
        return range.start + t * (range.end - range.start)
    }

    /// The position of `value` clamped into the pixel range (for bars and bands).
    func clampedPosition(_ value: Double) -> Double? {
        guard let p = position(value) else { return nil }
        let low = Swift.min(range.start, range.end), high = Swift.max(range.start, range.end)
        return Swift.min(Swift.max(p, low), high)
    }
}

/// The finite (and, for log scales, positive) values of `values`.
func drawableValues(_ values: [Double], scale: AxisScale) -> [Double] {
    values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
}

/// Ticks for an axis showing `values` (or a forced `domain`), with their labels.
func axisTicks(values: [Double], domain: ClosedRange<Double>?, scale: AxisScale,
               targetCount: Int) -> (ticks: TickSet, labels: [String]) {
    let drawable = drawableValues(values, scale: scale)
    let low = domain?.lowerBound ?? drawable.min() ?? 0
    let high = domain?.upperBound ?? drawable.max() ?? 1
    switch scale {
    case .linear:
        var ticks = NiceTicks.linear(minimum: low, maximum: high, targetCount: targetCount)
        if let domain {
            // A forced domain is kept exactly; only ticks inside it are shown.
            ticks.values = ticks.values.filter { $0 >= domain.lowerBound - 1e-12 && $0 <= domain.upperBound + 1e-12 }
            ticks.lower = domain.lowerBound
            ticks.upper = domain.upperBound
        }
        return (ticks, NiceTicks.labels(for: ticks))
    case .log:
        // Log labels are short and evenly spread: allow a couple more than a linear axis gets.
        let ticks = NiceTicks.logDecades(minimum: low, maximum: high, maximumCount: Swift.min(8, targetCount + 2))
        return (ticks, NiceTicks.logLabels(for: ticks))
    }
}
