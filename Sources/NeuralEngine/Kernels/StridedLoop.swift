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

extension StridedLoop {
    /// `dst[k] = src[offset(k)]` for every position k of `shape` in row-major order, where `strides`
    /// give the source's step along each axis (0 along broadcast axes, a permutation's strides for a
    /// transpose): the copy behind broadcasting and permuting.
    @inline(__always)
    static func gather<T>(_ src: UnsafePointer<T>, strides: [Int], shape: [Int], into dst: UnsafeMutablePointer<T>) {
        let zero = [Int](repeating: 0, count: shape.count)
        run(shape: shape, strides, zero) { off, _, inner, stride, _, out in
            var i = off
            for j in 0..<inner { dst[out + j] = src[i]; i += stride }
        }
    }
}
