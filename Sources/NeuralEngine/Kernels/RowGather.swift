/// Row gather and its adjoint over raw row-major storage, rows of `rowSize` contiguous elements:
/// the loops behind `Tensor.gather(rows:)` (mini-batches by index).
enum RowGather {
    /// Rows `rows` of `src`, in that order (repeats allowed).
    static func gather<T: TensorScalar>(_ src: [T], _ rows: [Int], _ rowSize: Int) -> [T] {
        src.withUnsafeBufferPointer { s in
            makeArray(rows.count * rowSize) { d in
                for (i, r) in rows.enumerated() { (d + i * rowSize).initialize(from: s.baseAddress! + r * rowSize, count: rowSize) }
            }
        }
    }

    /// Adds row i of `src` into row `rows[i]` of `dst`, for every i in order (scatter-add).
    static func scatterAdd<T: TensorScalar>(_ src: [T], _ rows: [Int], _ rowSize: Int, _ dst: inout [T]) {
        src.withUnsafeBufferPointer { s in
            dst.withUnsafeMutableBufferPointer { d in
                for (i, r) in rows.enumerated() {
                    for j in 0..<rowSize { d[r * rowSize + j] += s[i * rowSize + j] }
                }
            }
        }
    }
}
