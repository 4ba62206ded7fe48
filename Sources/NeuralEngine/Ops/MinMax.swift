/// Max and min reductions, argmax, and the comparison masks.
extension Tensor {
    /// Largest element over `axes` (nil = all). The gradient goes to the maximal elements, split
    /// equally among ties (as `torch.amax`).
    public func max(axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
        extremum("max", axes: axes, keepDims: keepDims, MaxOperation.self)
    }

    /// Smallest element over `axes` (nil = all); gradient as ``max(axes:keepDims:)``.
    public func min(axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
        extremum("min", axes: axes, keepDims: keepDims, MinOperation.self)
    }

    /// Max over one axis.
    public func max(axis: Int, keepDims: Bool = false) -> Tensor { max(axes: [axis], keepDims: keepDims) }
    /// Min over one axis.
    public func min(axis: Int, keepDims: Bool = false) -> Tensor { min(axes: [axis], keepDims: keepDims) }

    private func extremum<Op: ReduceOperation>(_ op: String, axes: [Int]?, keepDims: Bool, _: Op.Type) -> Tensor {
        if count == 0 { fatalError("\(op): empty tensor of shape \(ShapeError.describe(shape))") }
        let ax = Shape.normalize(axes: axes, shape: shape, op: op)
        let kept = Tensor.reducedShape(shape, axes: ax, keepDims: true)
        let values = reduceValues(axes: ax, Op.self)
        let out = Tensor(values, shape: Tensor.reducedShape(shape, axes: ax, keepDims: keepDims), dtype: dtype)
        let extreme = Tensor(values, shape: kept, dtype: dtype)
        return Tensor.record(op, inputs: [self], output: out) { [self] g in
            let mask = self.equal(extreme)
            let ties = mask.sum(axes: ax, keepDims: true)
            return [mask * (g.reshape(kept) / ties)]
        }
    }

    /// Index of the largest element along `axis` for every other position, as plain integers
    /// (first index on ties). For a [N, K] tensor of scores, `argmax(axis: 1)` gives N class labels.
    public func argmax(axis: Int = -1) -> [Int] {
        let a = Shape.normalize(axis: axis, rank: rank, op: "argmax", shape: shape)
        let outer = shape[..<a].reduce(1, *), length = shape[a], inner = shape[(a + 1)...].reduce(1, *)
        if length == 0 { fatalError("argmax: axis \(axis) of shape \(ShapeError.describe(shape)) is empty") }
        return doubles.withUnsafeBufferPointer { ReduceKernels.argmax($0, outer: outer, length: length, inner: inner) }
    }

    /// ``argmax(axis:)`` as a tensor of the remaining shape holding the indices as values (no grad).
    public func argmaxIndices(axis: Int = -1) -> Tensor {
        let a = Shape.normalize(axis: axis, rank: rank, op: "argmax", shape: shape)
        var outShape = shape
        outShape.remove(at: a)
        return Tensor(argmax(axis: axis).map(Double.init), shape: outShape, dtype: dtype)
    }

    /// 1 where `self > threshold`, else 0 (no gradient).
    public func greater(than threshold: Double) -> Tensor {
        map({ $0 > Float(threshold) ? 1 : 0 }, { $0 > threshold ? 1 : 0 })
    }

    /// 1 where `self < threshold`, else 0 (no gradient).
    public func less(than threshold: Double) -> Tensor {
        map({ $0 < Float(threshold) ? 1 : 0 }, { $0 < threshold ? 1 : 0 })
    }

    /// 1 where `self == other` (broadcasting), else 0 (no gradient).
    public func equal(_ other: Tensor) -> Tensor {
        Tensor.zip("equal", self, other, { $0 == $1 ? 1 : 0 }, { $0 == $1 ? 1 : 0 })
    }

    /// 1 where `self > other` (broadcasting), else 0 (no gradient).
    public func greater(_ other: Tensor) -> Tensor {
        Tensor.zip("greater", self, other, { $0 > $1 ? 1 : 0 }, { $0 > $1 ? 1 : 0 })
    }

    /// 1 where `self < other` (broadcasting), else 0 (no gradient).
    public func less(_ other: Tensor) -> Tensor {
        Tensor.zip("less", self, other, { $0 < $1 ? 1 : 0 }, { $0 < $1 ? 1 : 0 })
    }
}

/// Element-wise maximum of two tensors (broadcasting); the gradient goes to the larger input
/// (to `a` on ties).
public func maximum(_ a: Tensor, _ b: Tensor) -> Tensor {
    let takeA = a.greater(b) + a.equal(b)
    return `where`(takeA, a, b)
}

/// Element-wise minimum of two tensors (broadcasting); the gradient goes to the smaller input
/// (to `a` on ties).
public func minimum(_ a: Tensor, _ b: Tensor) -> Tensor {
    let takeA = a.less(b) + a.equal(b)
    return `where`(takeA, a, b)
}
