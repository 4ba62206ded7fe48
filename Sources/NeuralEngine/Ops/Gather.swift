/// Row gather and `where`: selection primitives.
extension Tensor {
    /// Rows `rows` of axis 0, in that order (repeats allowed): mini-batches by index and label lookups.
    /// The gradient adds each output row back into its source row (scatter-add).
    public func gather(rows: [Int]) -> Tensor {
        if rank == 0 { fatalError("gather: cannot gather rows of a scalar") }
        let rowSize = count / Swift.max(shape[0], 1)
        for r in rows where r < 0 || r >= shape[0] {
            fatalError("gather: row \(r) is out of range for shape \(ShapeError.describe(shape))")
        }
        var outShape = shape
        outShape[0] = rows.count
        let out: Tensor
        switch dtype {
        case .float32: out = Tensor(shape: outShape, f32: RowGather.gather(f32, rows, rowSize))
        case .float64: out = Tensor(shape: outShape, f64: RowGather.gather(f64, rows, rowSize))
        }
        return Tensor.record("gather", inputs: [self], output: out) { [shape, dtype] g in
            let dx = Tensor.zeros(shape, dtype: dtype)
            switch dtype {
            case .float32: RowGather.scatterAdd(g.f32, rows, rowSize, &dx.f32)
            case .float64: RowGather.scatterAdd(g.f64, rows, rowSize, &dx.f64)
            }
            return [dx]
        }
    }
}

/// Element-wise selection `condition ≠ 0 ? a : b`, broadcasting all three (NumPy `where`).
/// The gradient flows to `a` where the condition holds and to `b` elsewhere; the condition gets none.
public func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) -> Tensor {
    if a.dtype != b.dtype { fatalError(ShapeError.dtypeMessage("where", a.dtype, b.dtype)) }
    let shape = Shape.broadcast(Shape.broadcast(condition.shape, a.shape, op: "where"), b.shape, op: "where")
    let mask = condition.to(a.dtype).broadcastValues(to: shape).map({ $0 != 0 ? 1 : 0 }, { $0 != 0 ? 1 : 0 })
    let av = a.broadcastValues(to: shape), bv = b.broadcastValues(to: shape)
    let picked = Tensor.zip("where", mask, av, { $0 != 0 ? $1 : 0 }, { $0 != 0 ? $1 : 0 })
    let out = Tensor.zip("where", mask, bv, { $0 != 0 ? 0 : $1 }, { $0 != 0 ? 0 : $1 })
    let combined = Tensor.zip("where", picked, out, +, +)
    return Tensor.record("where", inputs: [a, b], output: combined) { g in
        [a.requiresGrad ? Tensor.reduce(g * mask, toShape: a.shape) : nil,
         b.requiresGrad ? Tensor.reduce(g * (1 - mask), toShape: b.shape) : nil]
    }
}
