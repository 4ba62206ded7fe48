/// Row loops eight lanes at a time (one AVX2 register of Float): the sums and per-row transforms of
/// `NormalizationKernel`, and the row sums of the fused global average pool and convolution bias.
///
/// Sums run in the tensor's own precision across the lanes of a block of at most 64 elements, and
/// block sums are added in Double in order: close to a Double sum (each lane adds ≤ 8 values) at SIMD
/// speed. The order of every addition depends only on the row length, so results are deterministic.
enum RowKernels {
    typealias Lanes<T: TensorScalar> = SIMD8<T>
    /// Elements per block whose lane sums are promoted to Double.
    static var blockSize: Int { 64 }

    @inline(__always)
    static func load<T: TensorScalar>(_ p: UnsafePointer<T>) -> Lanes<T> {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes<T>.self)
    }

    @inline(__always)
    static func store<T: TensorScalar>(_ v: Lanes<T>, _ p: UnsafeMutablePointer<T>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes<T>.self)
    }

    /// Lanes added in Double, in a fixed pairwise order.
    @inline(__always)
    static func total<T: TensorScalar>(_ v: Lanes<T>) -> Double {
        ((Double(v[0]) + Double(v[1])) + (Double(v[2]) + Double(v[3])))
            + ((Double(v[4]) + Double(v[5])) + (Double(v[6]) + Double(v[7])))
    }

    /// Σ p[j] for j < n.
    @inline(__always)
    static func sum<T: TensorScalar>(_ p: UnsafePointer<T>, _ n: Int) -> Double {
        var result = 0.0, j = 0
        while j + 8 <= n {
            let end = Swift.min(n, j + blockSize)
            var acc = Lanes<T>()
            while j + 8 <= end { acc += load(p + j); j += 8 }
            result += total(acc)
        }
        while j < n { result += Double(p[j]); j += 1 }
        return result
    }

    /// Σ (p[j] − mu)² for j < n (two-pass variance: the caller computed mu first).
    @inline(__always)
    static func squaredDeviations<T: TensorScalar>(_ p: UnsafePointer<T>, _ n: Int, from mu: Double) -> Double {
        let m = Lanes<T>(repeating: T(mu))
        var result = 0.0, j = 0
        while j + 8 <= n {
            let end = Swift.min(n, j + blockSize)
            var acc = Lanes<T>()
            while j + 8 <= end {
                let d = load(p + j) - m
                acc = acc.addingProduct(d, d)
                j += 8
            }
            result += total(acc)
        }
        while j < n { let d = Double(p[j]) - mu; result += d * d; j += 1 }
        return result
    }

    /// (Σ g[j], Σ g[j]·h[j]) for j < n.
    @inline(__always)
    static func sumAndDot<T: TensorScalar>(_ g: UnsafePointer<T>, _ h: UnsafePointer<T>, _ n: Int) -> (Double, Double) {
        var sum = 0.0, dot = 0.0, j = 0
        while j + 8 <= n {
            let end = Swift.min(n, j + blockSize)
            var accSum = Lanes<T>(), accDot = Lanes<T>()
            while j + 8 <= end {
                let gv = load(g + j)
                accSum += gv
                accDot = accDot.addingProduct(gv, load(h + j))
                j += 8
            }
            sum += total(accSum)
            dot += total(accDot)
        }
        while j < n { sum += Double(g[j]); dot += Double(g[j]) * Double(h[j]); j += 1 }
        return (sum, dot)
    }

    /// x̂ = (x − mean)·scale and y = γ·x̂ + β for one row.
    @inline(__always)
    static func normalize<T: TensorScalar>(_ x: UnsafePointer<T>, _ n: Int, mean: T, scale: T, gamma: T, beta: T,
                                           xHat: UnsafeMutablePointer<T>, y: UnsafeMutablePointer<T>) {
        let mv = Lanes<T>(repeating: mean), sv = Lanes<T>(repeating: scale)
        let gv = Lanes<T>(repeating: gamma), bv = Lanes<T>(repeating: beta)
        var j = 0
        while j + 8 <= n {
            let h = (load(x + j) - mv) * sv
            store(h, xHat + j)
            store(gv * h + bv, y + j)
            j += 8
        }
        while j < n {
            let h = (x[j] - mean) * scale
            xHat[j] = h
            y[j] = gamma * h + beta
            j += 1
        }
    }

    /// ∂L/∂x = (γ·g − mean(ĝ) − x̂·mean(ĝ·x̂))·scale for one row (see `NormalizationKernel`).
    @inline(__always)
    static func normalizationGradient<T: TensorScalar>(_ g: UnsafePointer<T>, xHat: UnsafePointer<T>, _ n: Int,
                                                       gamma: T, scale: T, meanG: T, meanGH: T,
                                                       into out: UnsafeMutablePointer<T>) {
        let gv = Lanes<T>(repeating: gamma), sv = Lanes<T>(repeating: scale)
        let mg = Lanes<T>(repeating: meanG), mgh = Lanes<T>(repeating: meanGH)
        var j = 0
        while j + 8 <= n {
            store((gv * load(g + j) - mg - load(xHat + j) * mgh) * sv, out + j)
            j += 8
        }
        while j < n {
            out[j] = (gamma * g[j] - meanG - xHat[j] * meanGH) * scale
            j += 1
        }
    }
}
