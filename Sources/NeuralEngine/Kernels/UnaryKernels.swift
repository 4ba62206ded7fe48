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

extension UnaryKernel {
    /// `dst[i] = apply(src[i])` for i < count, split across workers for large counts (chunks depend
    /// only on the count, and each element is independent, so threads never change the result).
    @inline(__always)
    static func run(_ src: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>, count: Int) {
        Parallel.forEachChunk(count, minChunk: parallelElementThreshold / 2) { range in
            for i in range { dst[i] = apply(src[i]) }
        }
    }

    @inline(__always)
    static func run(_ src: UnsafePointer<Double>, into dst: UnsafeMutablePointer<Double>, count: Int) {
        Parallel.forEachChunk(count, minChunk: parallelElementThreshold / 2) { range in
            for i in range { dst[i] = apply(src[i]) }
        }
    }
}
