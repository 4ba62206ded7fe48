/// The reduction loops behind sum, max, min and argmax, over raw buffers.
///
/// Every reduction accumulates in Double and walks the input in row-major order (contiguous runs
/// with a fixed 4-way split for sums), so the order of operations never depends on the thread count
/// and results are reproducible bit for bit.
enum ReduceKernels {
    /// Combines the elements of `src` (of `shape`) into `acc`, where `outStrides` map each input
    /// position to its accumulator (0 along the reduced axes): `acc[out] = Op.combine(acc[out], x)`.
    @inline(__always)
    static func reduce<T: TensorScalar, Op: ReduceOperation>(_ src: UnsafePointer<T>, shape: [Int], _: Op.Type,
                                                             outStrides: [Int], into acc: UnsafeMutablePointer<Double>) {
        StridedLoop.run(shape: shape, Shape.strides(shape), outStrides) { offIn, offOut, inner, sIn, sOut, _ in
            if sOut == 0 {
                acc[offOut] = Op.combine(acc[offOut], Op.combineRun(src + offIn, count: inner, stride: sIn))
            } else {
                var i = offIn, o = offOut
                for _ in 0..<inner { acc[o] = Op.combine(acc[o], Double(src[i])); i += sIn; o += sOut }
            }
        }
    }

    /// For values viewed as `[outer, length, inner]`, the index along the middle axis of the largest
    /// value at each (outer, inner) position, row-major (first index on ties; NaN loses to numbers).
    static func argmax(_ v: UnsafeBufferPointer<Double>, outer: Int, length: Int, inner: Int) -> [Int] {
        var result = [Int](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                var best = 0, bestValue = v[o * length * inner + i]
                for k in 1..<Swift.max(length, 1) {
                    let x = v[(o * length + k) * inner + i]
                    if x > bestValue || (bestValue.isNaN && !x.isNaN) { best = k; bestValue = x }
                }
                result[o * inner + i] = best
            }
        }
        return result
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
