/// Element-wise unary kernels as types, so `Tensor.apply(_:)` is specialised per kernel and the
/// loop body is inlined and vectorised (closure arguments are not reliably inlined through the
/// nested buffer closures).
protocol UnaryKernel {
    static func apply(_ x: Float) -> Float
    static func apply(_ x: Double) -> Double
}

enum ExpKernel: UnaryKernel {
    @inline(__always) static func apply(_ x: Float) -> Float { FastMath.exp(x) }
    @inline(__always) static func apply(_ x: Double) -> Double { Double.expValue(x) }
}

enum LogKernel: UnaryKernel {
    @inline(__always) static func apply(_ x: Float) -> Float { Float.logValue(x) }
    @inline(__always) static func apply(_ x: Double) -> Double { Double.logValue(x) }
}

enum TanhKernel: UnaryKernel {
    @inline(__always) static func apply(_ x: Float) -> Float { FastMath.tanh(x) }
    @inline(__always) static func apply(_ x: Double) -> Double { Double.tanhValue(x) }
}

enum SigmoidKernel: UnaryKernel {
    @inline(__always) static func apply(_ x: Float) -> Float { FastMath.sigmoid(x) }
    @inline(__always) static func apply(_ x: Double) -> Double { sigmoidScalar(x) }
}

enum ReluKernel: UnaryKernel {
    @inline(__always) static func apply(_ x: Float) -> Float { x > 0 ? x : 0 }
    @inline(__always) static func apply(_ x: Double) -> Double { x > 0 ? x : 0 }
}

enum GeluKernel: UnaryKernel {
    @inline(__always) static func apply(_ x: Float) -> Float { geluScalar(x) }
    @inline(__always) static func apply(_ x: Double) -> Double { geluScalar(x) }
}

extension Tensor {
    /// `y[i] = K.apply(x[i])`, split across workers for large tensors.
    func apply<K: UnaryKernel>(_: K.Type) -> Tensor {
        let n = count
        switch dtype {
        case .float32:
            return Tensor(shape: shape, f32: f32.withUnsafeBufferPointer { src in
                makeArray(n) { (dst: UnsafeMutablePointer<Float>) in
                    let s = src.baseAddress!
                    Parallel.forEachChunk(n, minChunk: parallelElementThreshold / 2) { range in
                        for i in range { dst[i] = K.apply(s[i]) }
                    }
                }
            })
        case .float64:
            return Tensor(shape: shape, f64: f64.withUnsafeBufferPointer { src in
                makeArray(n) { (dst: UnsafeMutablePointer<Double>) in
                    let s = src.baseAddress!
                    Parallel.forEachChunk(n, minChunk: parallelElementThreshold / 2) { range in
                        for i in range { dst[i] = K.apply(s[i]) }
                    }
                }
            })
        }
    }
}
