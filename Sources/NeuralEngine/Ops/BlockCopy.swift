/// Copies of contiguous blocks between tensors viewed as [outer, length, inner] around one axis:
/// the loop behind concatenate, slice and their gradients.
enum BlockCopy {
    /// Sizes before, at and after `axis`.
    static func split(_ shape: [Int], axis: Int) -> (outer: Int, length: Int, inner: Int) {
        (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }

    /// For each outer index, copies `rows · inner` values from `src` at row `srcStart` (of `srcLength`)
    /// to `dst` at row `dstStart` (of `dstLength`).
    static func copy<T>(_ src: UnsafePointer<T>, srcLength: Int, srcStart: Int,
                        _ dst: UnsafeMutablePointer<T>, dstLength: Int, dstStart: Int,
                        rows: Int, outer: Int, inner: Int) {
        let block = rows * inner
        if block == 0 { return }
        for o in 0..<outer {
            (dst + (o * dstLength + dstStart) * inner).update(from: src + (o * srcLength + srcStart) * inner, count: block)
        }
    }
}

extension Tensor {
    /// Applies `BlockCopy.copy` from this tensor into a mutable buffer of the same dtype.
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
