/// Routes generic Float/Double kernel code to the typed entry points of GEMM and Im2Col, so a kernel
/// such as `ConvKernel` is written once for both precisions.
protocol KernelScalar: TensorScalar {
    /// C = alpha · op(A) · op(B) + beta · C (row-major).
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                     a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int, beta: Self,
                     c: UnsafeMutablePointer<Self>, ldc: Int)
    static func im2col(_ image: UnsafePointer<Self>, _ g: Im2Col.Geometry, into: UnsafeMutablePointer<Self>, ld: Int)
    static func col2im(_ columns: UnsafePointer<Self>, _ g: Im2Col.Geometry, ld: Int, addingInto: UnsafeMutablePointer<Self>)
}

extension Float: KernelScalar {
    @inline(__always)
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
                     c: UnsafeMutablePointer<Float>, ldc: Int) {
        GEMM.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                   beta: beta, c: c, ldc: ldc)
    }
    @inline(__always)
    static func im2col(_ image: UnsafePointer<Float>, _ g: Im2Col.Geometry, into: UnsafeMutablePointer<Float>, ld: Int) {
        Im2Col.im2col(image, g, into: into, ldColumns: ld)
    }
    @inline(__always)
    static func col2im(_ columns: UnsafePointer<Float>, _ g: Im2Col.Geometry, ld: Int, addingInto: UnsafeMutablePointer<Float>) {
        Im2Col.col2im(columns, g, ldColumns: ld, addingInto: addingInto)
    }
}

extension Double: KernelScalar {
    @inline(__always)
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                     a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, beta: Double,
                     c: UnsafeMutablePointer<Double>, ldc: Int) {
        GEMM.dgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                   beta: beta, c: c, ldc: ldc)
    }
    @inline(__always)
    static func im2col(_ image: UnsafePointer<Double>, _ g: Im2Col.Geometry, into: UnsafeMutablePointer<Double>, ld: Int) {
        Im2Col.im2col(image, g, into: into, ldColumns: ld)
    }
    @inline(__always)
    static func col2im(_ columns: UnsafePointer<Double>, _ g: Im2Col.Geometry, ld: Int, addingInto: UnsafeMutablePointer<Double>) {
        Im2Col.col2im(columns, g, ldColumns: ld, addingInto: addingInto)
    }
}
