/// Counts of values in equal-width bins, as `numpy.histogram`.
public struct TensorHistogram: Sendable, Equatable {
    /// Bin edges, `bins + 1` increasing values; bin i is [edges[i], edges[i+1]) and the last bin is closed.
    public let edges: [Double]
    /// Number of values in each bin.
    public let counts: [Int]

    /// Centre of each bin (for plotting).
    public var centers: [Double] { (0..<counts.count).map { (edges[$0] + edges[$0 + 1]) / 2 } }
    /// Width of each bin.
    public var binWidth: Double { edges.count > 1 ? edges[1] - edges[0] : 0 }
    /// Counts divided by (total · bin width), so the bars integrate to 1 (numpy `density=True`).
    public var densities: [Double] {
        let total = Double(counts.reduce(0, +))
        let width = binWidth
        return counts.map { total > 0 && width > 0 ? Double($0) / (total * width) : 0 }
    }
}

/// Plain-number statistics of all elements (no graph), vectorised for chapter programs, which are
/// compiled without optimisation and should not loop over elements themselves.
extension Tensor {
    /// Histogram with `bins` equal-width bins over `range` (default min...max; a constant tensor gets
    /// [v − 0.5, v + 0.5] like NumPy). Values outside the range and NaNs are not counted.
    public func histogram(bins: Int, range: ClosedRange<Double>? = nil) -> TensorHistogram {
        if bins < 1 { fatalError("histogram: bins must be positive, got \(bins)") }
        let values = doubles
        var lo = range?.lowerBound ?? (values.filter { !$0.isNaN }.min() ?? 0)
        var hi = range?.upperBound ?? (values.filter { !$0.isNaN }.max() ?? 1)
        if lo == hi { lo -= 0.5; hi += 0.5 }
        let width = (hi - lo) / Double(bins)
        let edges = (0...bins).map { $0 == bins ? hi : lo + Double($0) * width }
        var counts = [Int](repeating: 0, count: bins)
        for v in values where v >= lo && v <= hi {
            let bin = Swift.min(Int((v - lo) / width), bins - 1)
            counts[bin] += 1
        }
        return TensorHistogram(edges: edges, counts: counts)
    }

    /// The q-quantile (0 ≤ q ≤ 1) with linear interpolation between order statistics
    /// (NumPy's default method): position q·(n − 1) in the sorted values.
    public func quantile(_ q: Double) -> Double { quantiles([q])[0] }

    /// Several quantiles at once (sorts once).
    public func quantiles(_ qs: [Double]) -> [Double] {
        if count == 0 { fatalError("quantile: empty tensor") }
        let sorted = doubles.sorted()
        return qs.map { q in
            if !(0...1).contains(q) { fatalError("quantile: q must be in [0, 1], got \(q)") }
            let position = q * Double(sorted.count - 1)
            let low = Int(position.rounded(.down)), high = Swift.min(low + 1, sorted.count - 1)
            let t = position - Double(low)
            return sorted[low] + (sorted[high] - sorted[low]) * t
        }
    }

    /// Fraction of elements with |x| > threshold (e.g. saturated tanh units for threshold 0.99).
    public func fractionAbove(_ threshold: Double) -> Double {
        if count == 0 { return 0 }
        var n = 0
        for v in doubles where Swift.abs(v) > threshold { n += 1 }
        return Double(n) / Double(count)
    }

    /// Mean of all elements.
    public var meanValue: Double { count == 0 ? .nan : reduceValues(axes: Array(0..<rank), SumOperation.self)[0] / Double(count) }

    /// Population standard deviation √(Σ(x − x̄)² / n) of all elements.
    public var stdValue: Double {
        if count == 0 { return .nan }
        let m = meanValue
        var acc = 0.0
        for v in doubles { acc += (v - m) * (v - m) }
        return (acc / Double(count)).squareRoot()
    }

    /// Smallest element.
    public var minValue: Double { reduceValues(axes: Array(0..<rank), MinOperation.self)[0] }

    /// Largest element.
    public var maxValue: Double { reduceValues(axes: Array(0..<rank), MaxOperation.self)[0] }

    /// Fraction of positions where `argmax(axis: -1)` equals `labels` (classification accuracy).
    public func accuracy(labels: [Int]) -> Double {
        let predicted = argmax(axis: -1)
        if predicted.count != labels.count {
            fatalError("accuracy: \(predicted.count) predictions for \(labels.count) labels (scores \(ShapeError.describe(shape)))")
        }
        if labels.isEmpty { return 0 }
        return Double(Swift.zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }
}
