/// Concatenate, stack and slice: primitives whose gradients are slices and zero-padded copies.
extension Tensor {
    /// Joins tensors along an existing axis (all other sizes must agree). The gradient of each input
    /// is its slice of the output gradient.
    public static func concatenate(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
        guard let first = tensors.first else { fatalError("concatenate: no tensors given") }
        let a = Shape.normalize(axis: axis, rank: first.rank, op: "concatenate", shape: first.shape)
        var outShape = first.shape
        outShape[a] = 0
        for t in tensors {
            if t.dtype != first.dtype { fatalError(ShapeError.dtypeMessage("concatenate", first.dtype, t.dtype)) }
            var probe = t.shape
            if probe.count == first.rank { probe[a] = 0 }
            if probe.count != first.rank || probe.enumerated().contains(where: { $0.offset != a && $0.element != first.shape[$0.offset] }) {
                ShapeError.mismatch("concatenate", first.shape, t.shape, detail: "sizes must agree except on axis \(axis)")
            }
            outShape[a] += t.shape[a]
        }
        let out = Tensor.zeros(outShape, dtype: first.dtype)
        var starts: [Int] = []
        var offset = 0
        for t in tensors {
            starts.append(offset)
            t.copyBlocks(into: out, srcStart: 0, dstStart: offset, rows: t.shape[a], axis: a)
            offset += t.shape[a]
        }
        return Tensor.record("concatenate", inputs: tensors, output: out) { g in
            Swift.zip(tensors, starts).map { t, start in t.requiresGrad ? g.slice(axis: a, range: start..<(start + t.shape[a])) : nil }
        }
    }

    /// Stacks equally shaped tensors along a new axis (`stack([x, y], axis: 0)` of two [3] gives [2, 3]).
    public static func stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
        guard let first = tensors.first else { fatalError("stack: no tensors given") }
        for t in tensors where t.shape != first.shape { ShapeError.mismatch("stack", first.shape, t.shape) }
        return concatenate(tensors.map { $0.unsqueeze(axis: axis) }, axis: axis)
    }

    /// Elements with index in `range` along `axis` (a copy). The gradient is the output gradient
    /// placed back into zeros of the input's shape.
    public func slice(axis: Int = 0, range: Range<Int>) -> Tensor {
        let a = Shape.normalize(axis: axis, rank: rank, op: "slice", shape: shape)
        if range.lowerBound < 0 || range.upperBound > shape[a] {
            fatalError("slice: range \(range) is out of bounds for axis \(axis) of shape \(ShapeError.describe(shape))")
        }
        var outShape = shape
        outShape[a] = range.count
        let out = Tensor.zeros(outShape, dtype: dtype)
        copyBlocks(into: out, srcStart: range.lowerBound, dstStart: 0, rows: range.count, axis: a)
        return Tensor.record("slice", inputs: [self], output: out) { [shape, dtype] g in
            let padded = Tensor.zeros(shape, dtype: dtype)
            g.copyBlocks(into: padded, srcStart: 0, dstStart: range.lowerBound, rows: range.count, axis: a)
            return [padded]
        }
    }

    /// Rows `range` along axis 0 (`x[0..<10]`).
    public subscript(range: Range<Int>) -> Tensor { slice(axis: 0, range: range) }

    /// Splits into consecutive pieces of `size` along `axis` (the last may be smaller).
    public func chunked(size: Int, axis: Int = 0) -> [Tensor] {
        let a = Shape.normalize(axis: axis, rank: rank, op: "chunked", shape: shape)
        if size <= 0 { fatalError("chunked: size must be positive, got \(size)") }
        return stride(from: 0, to: shape[a], by: size).map { slice(axis: a, range: $0..<Swift.min($0 + size, shape[a])) }
    }
}

extension Tensor {
    /// Copies `rows` rows along `axis` from this tensor (from row `srcStart`) into `target` (at row
    /// `dstStart`), with `BlockCopy`; no graph. `target` has the same dtype and other sizes.
    func copyBlocks(into target: Tensor, srcStart: Int, dstStart: Int, rows: Int, axis: Int) {
        let (outer, srcLength, inner) = BlockCopy.split(shape, axis: axis)
        let dstLength = target.shape[axis]
        switch dtype {
        case .float32:
            f32.withUnsafeBufferPointer { s in target.f32.withUnsafeMutableBufferPointer { d in
                BlockCopy.copy(s.baseAddress!, srcLength: srcLength, srcStart: srcStart, d.baseAddress!, dstLength: dstLength,
                               dstStart: dstStart, rows: rows, outer: outer, inner: inner)
            } }
        case .float64:
            f64.withUnsafeBufferPointer { s in target.f64.withUnsafeMutableBufferPointer { d in
                BlockCopy.copy(s.baseAddress!, srcLength: srcLength, srcStart: srcStart, d.baseAddress!, dstLength: dstLength,
                               dstStart: dstStart, rows: rows, outer: outer, inner: inner)
            } }
        }
    }
}
