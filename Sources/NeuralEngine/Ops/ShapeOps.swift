/// Shape primitives: reshape (shares values), permute (copies into the new order) and the helpers built on them.
extension Tensor {
    /// Same values in row-major order viewed with a new shape; one axis may be −1 (inferred).
    /// The gradient is reshaped back.
    public func reshape(_ newShape: [Int]) -> Tensor {
        var target = newShape
        if let unknown = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != unknown }.reduce(1) { $0 * $1.element }
            if known == 0 || count % known != 0 || newShape.filter({ $0 == -1 }).count > 1 {
                ShapeError.mismatch("reshape", shape, newShape, detail: "\(count) elements")
            }
            target[unknown] = count / known
        }
        if Shape.count(target) != count || target.contains(where: { $0 < 0 }) {
            ShapeError.mismatch("reshape", shape, newShape, detail: "\(count) elements vs \(Shape.count(target))")
        }
        if target == shape { return self }
        let out = dtype == .float32 ? Tensor(shape: target, f32: f32) : Tensor(shape: target, f64: f64)
        return Tensor.record("reshape", inputs: [self], output: out) { [shape] g in [g.reshape(shape)] }
    }

    /// Flattens axes `startAxis...` into one (PyTorch `flatten(start_dim=1)` keeps the batch axis).
    public func flatten(startAxis: Int = 1) -> Tensor {
        if rank == 0 { return reshape([1]) }
        let start = Shape.normalize(axis: startAxis, rank: rank, op: "flatten", shape: shape)
        return reshape(Array(shape[..<start]) + [shape[start...].reduce(1, *)])
    }

    /// Reorders axes: output axis i is input axis `axes[i]`. Copies the values; the gradient is
    /// permuted by the inverse permutation.
    public func permute(_ axes: [Int]) -> Tensor {
        if axes.count != rank { fatalError("permute: \(axes.count) axes given for shape \(ShapeError.describe(shape))") }
        let perm = axes.map { Shape.normalize(axis: $0, rank: rank, op: "permute", shape: shape) }
        if Set(perm).count != rank { fatalError("permute: axes \(axes) are not a permutation of 0..<\(rank)") }
        if perm == Array(0..<rank) { return self }
        let outShape = perm.map { shape[$0] }
        let inStrides = Shape.strides(shape)
        let gathered = perm.map { inStrides[$0] }         // input stride along each output axis
        let out: Tensor
        switch dtype {
        case .float32: out = Tensor(shape: outShape, f32: permuteValues(Float.self, outShape, gathered))
        case .float64: out = Tensor(shape: outShape, f64: permuteValues(Double.self, outShape, gathered))
        }
        var inverse = [Int](repeating: 0, count: rank)
        for (i, p) in perm.enumerated() { inverse[p] = i }
        return Tensor.record("permute", inputs: [self], output: out) { g in [g.permute(inverse)] }
    }

    private func permuteValues<T: TensorScalar>(_: T.Type, _ outShape: [Int], _ strides: [Int]) -> [T] {
        withBuffer(T.self) { src in
            makeArray(count) { dst in StridedLoop.gather(src.baseAddress!, strides: strides, shape: outShape, into: dst) }
        }
    }

    /// Swaps the last two axes (matrix transpose for rank 2; a no-op for rank < 2).
    public func transpose() -> Tensor {
        if rank < 2 { return self }
        var axes = Array(0..<rank)
        axes.swapAt(rank - 1, rank - 2)
        return permute(axes)
    }

    /// Swaps two axes.
    public func transpose(_ a: Int, _ b: Int) -> Tensor {
        var axes = Array(0..<rank)
        axes.swapAt(Shape.normalize(axis: a, rank: rank, op: "transpose", shape: shape),
                    Shape.normalize(axis: b, rank: rank, op: "transpose", shape: shape))
        return permute(axes)
    }

    /// Matrix transpose of a rank-2 tensor (`x.T`).
    public var T: Tensor { transpose() }

    /// Removes axis `axis` (which must have size 1), or every size-1 axis when nil.
    public func squeeze(axis: Int? = nil) -> Tensor {
        guard let axis else { return reshape(shape.filter { $0 != 1 }) }
        let a = Shape.normalize(axis: axis, rank: rank, op: "squeeze", shape: shape)
        if shape[a] != 1 { fatalError("squeeze: axis \(axis) of shape \(ShapeError.describe(shape)) has size \(shape[a]), not 1") }
        var s = shape
        s.remove(at: a)
        return reshape(s)
    }

    /// Inserts a size-1 axis at position `axis` (negative counts from the end of the result).
    public func unsqueeze(axis: Int) -> Tensor {
        let a = Shape.normalize(axis: axis, rank: rank + 1, op: "unsqueeze", shape: shape)
        var s = shape
        s.insert(1, at: a)
        return reshape(s)
    }

    /// A differentiable cast to `dtype` (the gradient is cast back).
    public func to(_ target: DType) -> Tensor {
        if target == dtype { return self }
        let out = target == .float32 ? Tensor(shape: shape, f32: f64.map { Float($0) })
                                     : Tensor(shape: shape, f64: f32.map { Double($0) })
        return Tensor.record("cast", inputs: [self], output: out) { [dtype] g in [g.to(dtype)] }
    }
}

/// Matrix transpose (swaps the last two axes).
public func transpose(_ x: Tensor) -> Tensor { x.transpose() }
