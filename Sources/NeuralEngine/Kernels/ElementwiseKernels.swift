/// Element-wise loops over raw buffers: the map and broadcasting zip that every unary and binary
/// operation reuses, and the in-place updates `y ← y + a·x` and `y ← s·y`.
///
/// Large element counts are split across `Parallel` workers in chunks that depend only on the count;
/// each element is computed independently, so results never depend on the thread count.
enum ElementwiseKernels {
    /// `dst[i] = f(src[i])` for i < count.
    @inline(__always)
    static func map<T>(_ src: UnsafePointer<T>, into dst: UnsafeMutablePointer<T>, count n: Int, _ f: (T) -> T) {
        if n < parallelElementThreshold {
            for i in 0..<n { dst[i] = f(src[i]) }
        } else {
            Parallel.forEachChunk(n, minChunk: parallelElementThreshold / 2) { range in
                for i in range { dst[i] = f(src[i]) }
            }
        }
    }

    /// `dst = f(a, b)` over `shape`, with `a` (of `shapeA`) and `b` (of `shapeB`) broadcast to it by
    /// NumPy's rules. Equal shapes and scalar operands take flat loops; other broadcasts walk the
    /// index space with `StridedLoop`.
    @inline(__always)
    static func zip<T>(_ a: UnsafePointer<T>, shape shapeA: [Int], _ b: UnsafePointer<T>, shape shapeB: [Int],
                       into dst: UnsafeMutablePointer<T>, shape: [Int], _ f: (T, T) -> T) {
        let n = Shape.count(shape), countA = Shape.count(shapeA), countB = Shape.count(shapeB)
        if countA == n && countB == n {
            if n < parallelElementThreshold {
                for i in 0..<n { dst[i] = f(a[i], b[i]) }
            } else {
                Parallel.forEachChunk(n, minChunk: parallelElementThreshold / 2) { range in
                    for i in range { dst[i] = f(a[i], b[i]) }
                }
            }
        } else if countB == 1 {
            let v = b[0]
            for i in 0..<n { dst[i] = f(a[i], v) }
        } else if countA == 1 {
            let v = a[0]
            for i in 0..<n { dst[i] = f(v, b[i]) }
        } else {
            let stridesA = Shape.broadcastStrides(shapeA, to: shape)
            let stridesB = Shape.broadcastStrides(shapeB, to: shape)
            StridedLoop.run(shape: shape, stridesA, stridesB) { offA, offB, inner, strideA, strideB, outStart in
                var ia = offA, ib = offB
                for j in 0..<inner {
                    dst[outStart + j] = f(a[ia], b[ib])
                    ia += strideA; ib += strideB
                }
            }
        }
    }

    /// y ← y + a·x over `count` elements (the SGD step and the moving averages).
    @inline(__always)
    static func axpy<T: TensorScalar>(_ a: T, _ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, count: Int) {
        for i in 0..<count { y[i] += a * x[i] }
    }

    /// y ← s·y over `count` elements.
    @inline(__always)
    static func scale<T: TensorScalar>(_ s: T, _ y: UnsafeMutablePointer<T>, count: Int) {
        for i in 0..<count { y[i] *= s }
    }
}
