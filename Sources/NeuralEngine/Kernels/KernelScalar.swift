/// Routes generic Float/Double kernel code to the typed entry points of GEMM and Im2Col, so a kernel
/// such as `ConvKernel` is written once for both precisions.
protocol KernelScalar: TensorScalar {
    /// C = alpha · op(A) · op(B) + beta · C (row-major), through `path` (tests force one).
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                     a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int, beta: Self,
                     c: UnsafeMutablePointer<Self>, ldc: Int, path: GEMM.Path)
    static func im2col(_ image: UnsafePointer<Self>, _ g: Im2Col.Geometry, into: UnsafeMutablePointer<Self>, ld: Int)
    static func col2im(_ columns: UnsafePointer<Self>, _ g: Im2Col.Geometry, ld: Int, addingInto: UnsafeMutablePointer<Self>)
    /// A convolution's per-image product `out[O, L] = W[O, K] · cols[K, L] + b` (see `ConvKernel`; row p
    /// of cols starts at `columns + p·columnStride`); Float takes `NarrowDepthProduct` for shallow K
    /// (same bits as GEMM) unless `narrowDepth` is false, which forces GEMM's direct tile path.
    static func convolutionProduct(weight: UnsafePointer<Self>, columns: UnsafePointer<Self>, columnStride: Int,
                                   bias: [Self]?, outChannels: Int, depth: Int, count: Int,
                                   into: UnsafeMutablePointer<Self>, narrowDepth: Bool)
}

extension Float: KernelScalar {
    @inline(__always)
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
                     c: UnsafeMutablePointer<Float>, ldc: Int, path: GEMM.Path) {
        GEMM.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                   beta: beta, c: c, ldc: ldc, path: path)
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

extension Float {
    @inline(__always)
    static func convolutionProduct(weight: UnsafePointer<Float>, columns: UnsafePointer<Float>, columnStride: Int,
                                   bias: [Float]?, outChannels: Int, depth: Int, count: Int,
                                   into: UnsafeMutablePointer<Float>, narrowDepth: Bool) {
        if narrowDepth && depth <= NarrowDepthProduct.maxDepth {
            bias.withUnsafeBufferPointerOrNil { b in
                NarrowDepthProduct.forward(weight: weight, columns: columns, columnStride: columnStride, bias: b,
                                        outChannels: outChannels, depth: depth, count: count, into: into)
            }
        } else {
            ConvKernel.gemmProduct(weight: weight, columns: columns, columnStride: columnStride, bias: bias,
                                   outChannels: outChannels, depth: depth, count: count, into: into,
                                   path: narrowDepth ? .automatic : .direct)
        }
    }
}

extension Double: KernelScalar {
    /// Double keeps the GEMM route (no narrow-depth kernel: its users are gradient checks, not speed).
    @inline(__always)
    static func convolutionProduct(weight: UnsafePointer<Double>, columns: UnsafePointer<Double>, columnStride: Int,
                                   bias: [Double]?, outChannels: Int, depth: Int, count: Int,
                                   into: UnsafeMutablePointer<Double>, narrowDepth: Bool) {
        ConvKernel.gemmProduct(weight: weight, columns: columns, columnStride: columnStride, bias: bias,
                               outChannels: outChannels, depth: depth, count: count, into: into, path: .automatic)
    }

    @inline(__always)
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                     a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, beta: Double,
                     c: UnsafeMutablePointer<Double>, ldc: Int, path: GEMM.Path) {
        GEMM.dgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                   beta: beta, c: c, ldc: ldc, path: path)
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

extension KernelScalar {
    /// C = alpha · op(A) · op(B) + beta · C through GEMM's automatic path.
    @inline(__always)
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                     a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int, beta: Self,
                     c: UnsafeMutablePointer<Self>, ldc: Int) {
        gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
             beta: beta, c: c, ldc: ldc, path: .automatic)
    }
}

extension Optional {
    /// The buffer pointer of an optional array (nil when there is no array).
    @inline(__always)
    func withUnsafeBufferPointerOrNil<E, R>(_ body: (UnsafePointer<E>?) -> R) -> R where Wrapped == [E] {
        guard let array = self else { return body(nil) }
        return array.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
