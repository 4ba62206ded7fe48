/// The one loop behind sum, max and min over any set of axes.
extension Tensor {
    /// Shape after reducing `axes` (kept as size 1 when `keepDims`).
    static func reducedShape(_ shape: [Int], axes: [Int], keepDims: Bool) -> [Int] {
        var out: [Int] = []
        for (i, d) in shape.enumerated() {
            if axes.contains(i) { if keepDims { out.append(1) } } else { out.append(d) }
        }
        return out
    }

    /// Combines the elements along `axes` with `Op`, accumulating in Double. The traversal is the
    /// row-major order of the input (with a fixed 4-way split of contiguous sums), so the order of
    /// operations never depends on the thread count and results are reproducible bit for bit.
    func reduceValues<Op: ReduceOperation>(axes: [Int], _: Op.Type) -> [Double] {
        let kept = Tensor.reducedShape(shape, axes: axes, keepDims: true)
        var acc = [Double](repeating: Op.initial, count: Shape.count(kept))
        if count == 0 { return acc }
        switch dtype {
        case .float32: reduceInto(&acc, Float.self, Op.self, kept: kept)
        case .float64: reduceInto(&acc, Double.self, Op.self, kept: kept)
        }
        return acc
    }

    private func reduceInto<T: TensorScalar, Op: ReduceOperation>(_ acc: inout [Double], _: T.Type, _: Op.Type, kept: [Int]) {
        let inStrides = Shape.strides(shape)
        let outStrides = Shape.broadcastStrides(kept, to: shape)
        withBuffer(T.self) { src in
            acc.withUnsafeMutableBufferPointer { dst in
                let s = src.baseAddress!, d = dst.baseAddress!
                StridedLoop.run(shape: shape, inStrides, outStrides) { offIn, offOut, inner, sIn, sOut, _ in
                    if sOut == 0 {
                        d[offOut] = Op.combine(d[offOut], Op.combineRun(s + offIn, count: inner, stride: sIn))
                    } else {
                        var i = offIn, o = offOut
                        for _ in 0..<inner { d[o] = Op.combine(d[o], Double(s[i])); i += sIn; o += sOut }
                    }
                }
            }
        }
    }

    /// Copies this tensor's values into `shape` following NumPy broadcasting (no graph).
    func broadcastValues(to target: [Int]) -> Tensor {
        let strides = Shape.broadcastStrides(shape, to: target)
        let zero = [Int](repeating: 0, count: target.count)
        switch dtype {
        case .float32: return Tensor(shape: target, f32: broadcastKernel(Float.self, target, strides, zero))
        case .float64: return Tensor(shape: target, f64: broadcastKernel(Double.self, target, strides, zero))
        }
    }

    private func broadcastKernel<T: TensorScalar>(_: T.Type, _ target: [Int], _ strides: [Int], _ zero: [Int]) -> [T] {
        let n = Shape.count(target)
        return withBuffer(T.self) { src in
            makeArray(n) { dst in
                let s = src.baseAddress!
                StridedLoop.run(shape: target, strides, zero) { off, _, inner, stride, _, out in
                    var i = off
                    for j in 0..<inner { dst[out + j] = s[i]; i += stride }
                }
            }
        }
    }
}

/// A reduction: an associative combine with its identity, applied in Double.
protocol ReduceOperation {
    static var initial: Double { get }
    static func combine(_ a: Double, _ b: Double) -> Double
    /// Combines `count` values starting at `p` with stride `stride`, in order.
    static func combineRun<T: TensorScalar>(_ p: UnsafePointer<T>, count: Int, stride: Int) -> Double
}

extension ReduceOperation {
    @inline(__always)
    static func combineRun<T: TensorScalar>(_ p: UnsafePointer<T>, count: Int, stride: Int) -> Double {
        var a = initial
        var i = 0
        for _ in 0..<count { a = combine(a, Double(p[i])); i += stride }
        return a
    }
}

/// Σ. Contiguous runs use four interleaved partial sums (a fixed order), which breaks the
/// add-latency chain; the partial sums are then added in a fixed order.
enum SumOperation: ReduceOperation {
    static var initial: Double { 0 }
    @inline(__always) static func combine(_ a: Double, _ b: Double) -> Double { a + b }

    @inline(__always)
    static func combineRun<T: TensorScalar>(_ p: UnsafePointer<T>, count: Int, stride: Int) -> Double {
        if stride != 1 {
            var a = 0.0, i = 0
            for _ in 0..<count { a += Double(p[i]); i += stride }
            return a
        }
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= count {
            s0 += Double(p[i]); s1 += Double(p[i + 1]); s2 += Double(p[i + 2]); s3 += Double(p[i + 3])
            i += 4
        }
        while i < count { s0 += Double(p[i]); i += 1 }
        return (s0 + s1) + (s2 + s3)
    }
}

/// max (NaN-propagating is not attempted: NaNs compare false and are skipped unless all are NaN).
enum MaxOperation: ReduceOperation {
    static var initial: Double { -.infinity }
    @inline(__always) static func combine(_ a: Double, _ b: Double) -> Double { b > a ? b : a }
}

/// min.
enum MinOperation: ReduceOperation {
    static var initial: Double { .infinity }
    @inline(__always) static func combine(_ a: Double, _ b: Double) -> Double { b < a ? b : a }
}
