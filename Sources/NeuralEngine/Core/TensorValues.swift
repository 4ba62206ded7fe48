/// A tensor's values through a kernel, without recording a graph: the forward halves that the
/// operations in Ops/ share (map, broadcasting zip, unary kernels, reductions, broadcasting).
/// Each one unwraps the storage of the right precision, calls a loop in Kernels/, and wraps the result.
extension Tensor {
    /// `y[i] = f(x[i])` for float32 tensors and `g(x[i])` for float64 ones.
    @inline(__always)
    func map(_ f: (Float) -> Float, _ g: (Double) -> Double) -> Tensor {
        switch dtype {
        case .float32: return Tensor(shape: shape, f32: mapValues(Float.self, f))
        case .float64: return Tensor(shape: shape, f64: mapValues(Double.self, g))
        }
    }

    @inline(__always)
    private func mapValues<T: TensorScalar>(_: T.Type, _ f: (T) -> T) -> [T] {
        let n = count
        return withBuffer(T.self) { src in
            makeArray(n) { dst in ElementwiseKernels.map(src.baseAddress!, into: dst, count: n, f) }
        }
    }

    /// `z = f(x, y)` with NumPy broadcasting (float32 uses `f`, float64 uses `g`).
    @inline(__always)
    static func zip(_ op: String, _ a: Tensor, _ b: Tensor,
                    _ f: (Float, Float) -> Float, _ g: (Double, Double) -> Double) -> Tensor {
        if a.dtype != b.dtype { fatalError(ShapeError.dtypeMessage(op, a.dtype, b.dtype)) }
        let shape = Shape.broadcast(a.shape, b.shape, op: op)
        switch a.dtype {
        case .float32: return Tensor(shape: shape, f32: zipValues(Float.self, a, b, shape, f))
        case .float64: return Tensor(shape: shape, f64: zipValues(Double.self, a, b, shape, g))
        }
    }

    @inline(__always)
    private static func zipValues<T: TensorScalar>(_: T.Type, _ a: Tensor, _ b: Tensor, _ shape: [Int],
                                                   _ f: (T, T) -> T) -> [T] {
        a.withBuffer(T.self) { pa in
            b.withBuffer(T.self) { pb in
                makeArray(Shape.count(shape)) { dst in
                    ElementwiseKernels.zip(pa.baseAddress!, shape: a.shape, pb.baseAddress!, shape: b.shape,
                                           into: dst, shape: shape, f)
                }
            }
        }
    }

    /// `y[i] = K.apply(x[i])`: a unary kernel type, specialised and vectorised per kernel.
    func apply<K: UnaryKernel>(_: K.Type) -> Tensor {
        let n = count
        switch dtype {
        case .float32:
            return Tensor(shape: shape, f32: f32.withUnsafeBufferPointer { src in
                makeArray(n) { K.run(src.baseAddress!, into: $0, count: n) }
            })
        case .float64:
            return Tensor(shape: shape, f64: f64.withUnsafeBufferPointer { src in
                makeArray(n) { K.run(src.baseAddress!, into: $0, count: n) }
            })
        }
    }

    /// Shape after reducing `axes` (kept as size 1 when `keepDims`).
    static func reducedShape(_ shape: [Int], axes: [Int], keepDims: Bool) -> [Int] {
        var out: [Int] = []
        for (i, d) in shape.enumerated() {
            if axes.contains(i) { if keepDims { out.append(1) } } else { out.append(d) }
        }
        return out
    }

    /// Combines the elements along `axes` with `Op`, accumulating in Double (see ``ReduceKernels``):
    /// one value per position of the kept axes, in row-major order.
    func reduceValues<Op: ReduceOperation>(axes: [Int], _: Op.Type) -> [Double] {
        let kept = Tensor.reducedShape(shape, axes: axes, keepDims: true)
        var acc = [Double](repeating: Op.initial, count: Shape.count(kept))
        if count == 0 { return acc }
        let outStrides = Shape.broadcastStrides(kept, to: shape)
        switch dtype {
        case .float32: reduceValues(Float.self, Op.self, outStrides, &acc)
        case .float64: reduceValues(Double.self, Op.self, outStrides, &acc)
        }
        return acc
    }

    private func reduceValues<T: TensorScalar, Op: ReduceOperation>(_: T.Type, _: Op.Type, _ outStrides: [Int],
                                                                   _ acc: inout [Double]) {
        withBuffer(T.self) { src in
            acc.withUnsafeMutableBufferPointer { dst in
                ReduceKernels.reduce(src.baseAddress!, shape: shape, Op.self, outStrides: outStrides, into: dst.baseAddress!)
            }
        }
    }

    /// Copies this tensor's values into `shape` following NumPy broadcasting (no graph).
    func broadcastValues(to target: [Int]) -> Tensor {
        switch dtype {
        case .float32: return Tensor(shape: target, f32: broadcastValues(Float.self, target))
        case .float64: return Tensor(shape: target, f64: broadcastValues(Double.self, target))
        }
    }

    private func broadcastValues<T: TensorScalar>(_: T.Type, _ target: [Int]) -> [T] {
        let strides = Shape.broadcastStrides(shape, to: target)
        return withBuffer(T.self) { src in
            makeArray(Shape.count(target)) { dst in
                StridedLoop.gather(src.baseAddress!, strides: strides, shape: target, into: dst)
            }
        }
    }
}
