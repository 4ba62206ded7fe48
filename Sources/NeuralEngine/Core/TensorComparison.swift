/// Whole-tensor checks that return plain values (for tests, `expect` lines and chapter prose).
extension Tensor {
    /// True when shapes match and |a − b| ≤ atol + rtol·|b| element-wise (as `numpy.allclose`).
    public func allClose(_ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8) -> Bool {
        if shape != other.shape { return false }
        for (a, b) in Swift.zip(doubles, other.doubles) where !(Swift.abs(a - b) <= atol + rtol * Swift.abs(b)) {
            return false
        }
        return true
    }

    /// True when no element is NaN or ±Inf.
    public var allFinite: Bool { Anomaly.firstNonFinite(self) == nil }

    /// Largest |a − b| over all elements (shapes must match).
    public func maxAbsDifference(_ other: Tensor) -> Double {
        if shape != other.shape { ShapeError.mismatch("maxAbsDifference", shape, other.shape) }
        var worst = 0.0
        for (a, b) in Swift.zip(doubles, other.doubles) { worst = Swift.max(worst, Swift.abs(a - b)) }
        return worst
    }
}
