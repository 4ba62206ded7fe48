/// Reductions: sum (primitive), broadcast (its adjoint), and mean, variance, std, norm built from them.
extension Tensor {
    /// Sum over `axes` (nil = all). ∂/∂x = 1 broadcast back over the reduced axes.
    public func sum(axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
        let ax = Shape.normalize(axes: axes, shape: shape, op: "sum")
        let outShape = Tensor.reducedShape(shape, axes: ax, keepDims: keepDims)
        let values = reduceValues(axes: ax, SumOperation.self)
        let out = Tensor(values, shape: outShape, dtype: dtype)
        let kept = Tensor.reducedShape(shape, axes: ax, keepDims: true)
        return Tensor.record("sum", inputs: [self], output: out) { [shape] g in
            [g.reshape(kept).broadcast(to: shape)]
        }
    }

    /// Sum over one axis.
    public func sum(axis: Int, keepDims: Bool = false) -> Tensor { sum(axes: [axis], keepDims: keepDims) }

    /// Repeats this tensor along broadcast axes to `shape` (NumPy `broadcast_to`). The gradient sums
    /// back over the repeated axes.
    public func broadcast(to target: [Int]) -> Tensor {
        if target == shape { return self }
        let checked = Shape.broadcast(shape, target, op: "broadcast")
        if checked != target { ShapeError.mismatch("broadcast", shape, target) }
        let out = broadcastValues(to: target)
        return Tensor.record("broadcast", inputs: [self], output: out) { [shape] g in
            [Tensor.reduce(g, toShape: shape)]
        }
    }

    /// Number of elements reduced by `axes`.
    func reducedCount(_ axes: [Int]?) -> Int {
        Shape.normalize(axes: axes, shape: shape, op: "mean").reduce(1) { $0 * shape[$1] }
    }

    /// Arithmetic mean over `axes`: sum / n.
    public func mean(axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
        sum(axes: axes, keepDims: keepDims) / Double(Swift.max(reducedCount(axes), 1))
    }

    /// Mean over one axis.
    public func mean(axis: Int, keepDims: Bool = false) -> Tensor { mean(axes: [axis], keepDims: keepDims) }

    /// Variance Σ(x − x̄)² / n over `axes`, or / (n − 1) when `unbiased` (Bessel's correction).
    public func variance(axes: [Int]? = nil, unbiased: Bool = false, keepDims: Bool = false) -> Tensor {
        let n = reducedCount(axes)
        let centered = self - mean(axes: axes, keepDims: true)
        let divisor = Double(unbiased ? n - 1 : n)
        return centered.square().sum(axes: axes, keepDims: keepDims) / divisor
    }

    /// Standard deviation √variance.
    public func std(axes: [Int]? = nil, unbiased: Bool = false, keepDims: Bool = false) -> Tensor {
        variance(axes: axes, unbiased: unbiased, keepDims: keepDims).sqrt()
    }

    /// p-norm (Σ|x|^p)^(1/p) over `axes`; p = 2 is the Euclidean norm, p = 1 the sum of |x|.
    public func norm(p: Double = 2, axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
        if p == 1 { return abs().sum(axes: axes, keepDims: keepDims) }
        if p == 2 { return square().sum(axes: axes, keepDims: keepDims).sqrt() }
        return abs().pow(p).sum(axes: axes, keepDims: keepDims).pow(1 / p)
    }
}

/// Sum over `axes` (nil = all).
public func sum(_ x: Tensor, axes: [Int]? = nil, keepDims: Bool = false) -> Tensor { x.sum(axes: axes, keepDims: keepDims) }
/// Mean over `axes` (nil = all).
public func mean(_ x: Tensor, axes: [Int]? = nil, keepDims: Bool = false) -> Tensor { x.mean(axes: axes, keepDims: keepDims) }
