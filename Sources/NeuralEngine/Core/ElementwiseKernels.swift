/// Element-wise map and broadcasting zip: the loops every unary and binary operation reuses.
extension Tensor {
    /// `y[i] = f(x[i])` for float32 tensors and `g(x[i])` for float64 ones.
    @inline(__always)
    func map(_ f: (Float) -> Float, _ g: (Double) -> Double) -> Tensor {
        switch dtype {
        case .float32: return Tensor(shape: shape, f32: mapKernel(Float.self, f))
        case .float64: return Tensor(shape: shape, f64: mapKernel(Double.self, g))
        }
    }

    @inline(__always)
    func mapKernel<T: TensorScalar>(_: T.Type, _ f: (T) -> T) -> [T] {
        let n = count
        return withBuffer(T.self) { src in
            makeArray(n) { dst in
                let s = src.baseAddress!
                if n < parallelElementThreshold {
                    for i in 0..<n { dst[i] = f(s[i]) }
                } else {
                    Parallel.forEachChunk(n, minChunk: parallelElementThreshold / 2) { range in
                        for i in range { dst[i] = f(s[i]) }
                    }
                }
            }
        }
    }

    /// `z = f(x, y)` with NumPy broadcasting (float32 uses `f`, float64 uses `g`).
    @inline(__always)
    static func zip(_ op: String, _ a: Tensor, _ b: Tensor,
                    _ f: (Float, Float) -> Float, _ g: (Double, Double) -> Double) -> Tensor {
        if a.dtype != b.dtype { fatalError(ShapeError.dtypeMessage(op, a.dtype, b.dtype)) }
        let shape = Shape.broadcast(a.shape, b.shape, op: op)
        switch a.dtype {
        case .float32: return Tensor(shape: shape, f32: zipKernel(Float.self, a, b, shape, f))
        case .float64: return Tensor(shape: shape, f64: zipKernel(Double.self, a, b, shape, g))
        }
    }

    @inline(__always)
    static func zipKernel<T: TensorScalar>(_: T.Type, _ a: Tensor, _ b: Tensor, _ shape: [Int],
                                           _ f: (T, T) -> T) -> [T] {
        let n = Shape.count(shape)
        return a.withBuffer(T.self) { pa in
            b.withBuffer(T.self) { pb in
                makeArray(n) { dst in
                    let sa = pa.baseAddress!, sb = pb.baseAddress!
                    if a.count == n && b.count == n {
                        if n < parallelElementThreshold {
                            for i in 0..<n { dst[i] = f(sa[i], sb[i]) }
                        } else {
                            Parallel.forEachChunk(n, minChunk: parallelElementThreshold / 2) { range in
                                for i in range { dst[i] = f(sa[i], sb[i]) }
                            }
                        }
                    } else if b.count == 1 {
                        let v = sb[0]
                        for i in 0..<n { dst[i] = f(sa[i], v) }
                    } else if a.count == 1 {
                        let v = sa[0]
                        for i in 0..<n { dst[i] = f(v, sb[i]) }
                    } else {
                        let stridesA = Shape.broadcastStrides(a.shape, to: shape)
                        let stridesB = Shape.broadcastStrides(b.shape, to: shape)
                        StridedLoop.run(shape: shape, stridesA, stridesB) { offA, offB, inner, strideA, strideB, outStart in
                            var ia = offA, ib = offB
                            for j in 0..<inner {
                                dst[outStart + j] = f(sa[ia], sb[ib])
                                ia += strideA; ib += strideB
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Walks a row-major index space, handing the innermost axis to `body` as one strided run.
enum StridedLoop {
    /// For every position of the outer axes, calls
    /// `body(offsetA, offsetB, innerCount, innerStrideA, innerStrideB, outputOffset)`.
    @inline(__always)
    static func run(shape: [Int], _ stridesA: [Int], _ stridesB: [Int],
                    _ body: (Int, Int, Int, Int, Int, Int) -> Void) {
        let rank = shape.count
        if rank == 0 { body(0, 0, 1, 0, 0, 0); return }
        let inner = shape[rank - 1]
        let total = Shape.count(shape)
        if total == 0 { return }
        let outer = total / inner
        var index = [Int](repeating: 0, count: rank)
        var offA = 0, offB = 0
        for row in 0..<outer {
            body(offA, offB, inner, stridesA[rank - 1], stridesB[rank - 1], row * inner)
            // Advance the outer multi-index (odometer), updating both offsets incrementally.
            var axis = rank - 2
            while axis >= 0 {
                index[axis] += 1
                offA += stridesA[axis]; offB += stridesB[axis]
                if index[axis] < shape[axis] { break }
                offA -= stridesA[axis] * shape[axis]; offB -= stridesB[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }
}
