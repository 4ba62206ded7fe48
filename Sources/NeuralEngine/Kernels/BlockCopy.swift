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
