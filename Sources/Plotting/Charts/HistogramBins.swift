import Foundation

/// Equal-width bins over a range and the number of values in each.
public struct HistogramBins: Sendable, Equatable {
    /// `counts.count + 1` ascending edges; bin k is [edges[k], edges[k+1]) and the last bin
    /// also contains its upper edge.
    public var edges: [Double]
    public var counts: [Double]

    /// Precomputed bins; traps unless `edges.count == counts.count + 1`.
    public init(edges: [Double], counts: [Double]) {
        guard edges.count == counts.count + 1, !counts.isEmpty else {
            fatalError("HistogramBins needs counts.count + 1 edges, got \(edges.count) edges for \(counts.count) counts")
        }
        self.edges = edges
        self.counts = counts
    }

    /// Counts `values` into `binCount` equal-width bins over `range` (default: the finite
    /// values' min...max). Non-finite values and values outside the range are ignored.
    public init(values: [Double], binCount: Int = 30, range: ClosedRange<Double>? = nil) {
        guard binCount > 0 else { fatalError("HistogramBins binCount must be positive, got \(binCount)") }
        let finite = values.filter { $0.isFinite }
        var low = range?.lowerBound ?? finite.min() ?? 0
        var high = range?.upperBound ?? finite.max() ?? 1
        if low == high { low -= 0.5; high += 0.5 }
        let width = (high - low) / Double(binCount)
        var counts = [Double](repeating: 0, count: binCount)
        for value in finite where value >= low && value <= high {
            let index = Swift.min(binCount - 1, Int((value - low) / width))
            counts[index] += 1
        }
        self.edges = (0...binCount).map { low + Double($0) * width }
        self.counts = counts
    }

    /// Total number of counted values.
    public var total: Double { counts.reduce(0, +) }
}
