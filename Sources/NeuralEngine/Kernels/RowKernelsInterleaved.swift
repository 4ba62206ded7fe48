/// Four rows at once: `sum`, `squaredDeviations`, `sumAndDotStandardized` and
/// `normalizationGradientStandardized` over four rows in one loop, for the passes that read a
/// BatchNorm channel from memory. A channel's rows lie a whole image apart (100 KB for
/// 32 maps of 28×28), so each row is a new stream the hardware prefetcher must pick up again; one
/// row at a time, the loop waited on those loads (half the samples of the fused forward pass sat
/// on the load of `sum`). Four independent streams keep four times as many loads in flight.
///
/// Each row's result is computed exactly as the one-row function computes it (the same lanes, blocks
/// and order of additions), so callers that add the four results in row order get the same bits.
extension RowKernels {
    typealias Rows4<T> = (UnsafePointer<T>, UnsafePointer<T>, UnsafePointer<T>, UnsafePointer<T>)

    /// `(sum(r.0, n), sum(r.1, n), sum(r.2, n), sum(r.3, n))`.
    @inline(__always)
    static func sums<T: TensorScalar>(_ r: Rows4<T>, _ n: Int) -> (Double, Double, Double, Double) {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, j = 0
        while j + 8 <= n {
            let end = Swift.min(n, j + blockSize)
            var a0 = Lanes<T>(), a1 = Lanes<T>(), a2 = Lanes<T>(), a3 = Lanes<T>()
            while j + 8 <= end {
                a0 += load(r.0 + j); a1 += load(r.1 + j); a2 += load(r.2 + j); a3 += load(r.3 + j)
                j += 8
            }
            s0 += total(a0); s1 += total(a1); s2 += total(a2); s3 += total(a3)
        }
        while j < n {
            s0 += Double(r.0[j]); s1 += Double(r.1[j]); s2 += Double(r.2[j]); s3 += Double(r.3[j])
            j += 1
        }
        return (s0, s1, s2, s3)
    }

    /// `(squaredDeviations(r.0, n, from: mu), …)` for the four rows.
    @inline(__always)
    static func squaredDeviations<T: TensorScalar>(_ r: Rows4<T>, _ n: Int, from mu: Double) -> (Double, Double, Double, Double) {
        let m = Lanes<T>(repeating: T(mu))
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, j = 0
        while j + 8 <= n {
            let end = Swift.min(n, j + blockSize)
            var a0 = Lanes<T>(), a1 = Lanes<T>(), a2 = Lanes<T>(), a3 = Lanes<T>()
            while j + 8 <= end {
                let d0 = load(r.0 + j) - m, d1 = load(r.1 + j) - m, d2 = load(r.2 + j) - m, d3 = load(r.3 + j) - m
                a0 = a0.addingProduct(d0, d0); a1 = a1.addingProduct(d1, d1)
                a2 = a2.addingProduct(d2, d2); a3 = a3.addingProduct(d3, d3)
                j += 8
            }
            s0 += total(a0); s1 += total(a1); s2 += total(a2); s3 += total(a3)
        }
        while j < n {
            @inline(__always) func square(_ p: UnsafePointer<T>) -> Double { let d = Double(p[j]) - mu; return d * d }
            s0 += square(r.0); s1 += square(r.1); s2 += square(r.2); s3 += square(r.3)
            j += 1
        }
        return (s0, s1, s2, s3)
    }

    /// `sumAndDotStandardized(g.k, x.k, n, mean:, scale:)` for k = 0 … 3.
    @inline(__always)
    static func sumsAndDotsStandardized<T: TensorScalar>(_ g: Rows4<T>, _ x: Rows4<T>, _ n: Int, mean: T,
                                                         scale: T) -> ((Double, Double), (Double, Double),
                                                                       (Double, Double), (Double, Double)) {
        let mv = Lanes<T>(repeating: mean), sv = Lanes<T>(repeating: scale)
        var sum = (0.0, 0.0, 0.0, 0.0), dot = (0.0, 0.0, 0.0, 0.0), j = 0
        while j + 8 <= n {
            let end = Swift.min(n, j + blockSize)
            var s0 = Lanes<T>(), s1 = Lanes<T>(), s2 = Lanes<T>(), s3 = Lanes<T>()
            var d0 = Lanes<T>(), d1 = Lanes<T>(), d2 = Lanes<T>(), d3 = Lanes<T>()
            while j + 8 <= end {
                let g0 = load(g.0 + j), g1 = load(g.1 + j), g2 = load(g.2 + j), g3 = load(g.3 + j)
                s0 += g0; s1 += g1; s2 += g2; s3 += g3
                d0 = d0.addingProduct(g0, (load(x.0 + j) - mv) * sv)
                d1 = d1.addingProduct(g1, (load(x.1 + j) - mv) * sv)
                d2 = d2.addingProduct(g2, (load(x.2 + j) - mv) * sv)
                d3 = d3.addingProduct(g3, (load(x.3 + j) - mv) * sv)
                j += 8
            }
            sum.0 += total(s0); sum.1 += total(s1); sum.2 += total(s2); sum.3 += total(s3)
            dot.0 += total(d0); dot.1 += total(d1); dot.2 += total(d2); dot.3 += total(d3)
        }
        while j < n {
            @inline(__always) func add(_ g: UnsafePointer<T>, _ x: UnsafePointer<T>, _ s: inout Double, _ d: inout Double) {
                let h = (x[j] - mean) * scale
                s += Double(g[j]); d += Double(g[j]) * Double(h)
            }
            add(g.0, x.0, &sum.0, &dot.0); add(g.1, x.1, &sum.1, &dot.1)
            add(g.2, x.2, &sum.2, &dot.2); add(g.3, x.3, &sum.3, &dot.3)
            j += 1
        }
        return ((sum.0, dot.0), (sum.1, dot.1), (sum.2, dot.2), (sum.3, dot.3))
    }

    /// `normalizationGradientStandardized` for four rows (elementwise: the same value for every element).
    @inline(__always)
    static func normalizationGradientsStandardized<T: TensorScalar>(_ g: Rows4<T>, x: Rows4<T>, _ n: Int, mean: T, gamma: T,
                                                                    scale: T, meanG: T, meanGH: T,
                                                                    into out: (UnsafeMutablePointer<T>, UnsafeMutablePointer<T>,
                                                                               UnsafeMutablePointer<T>, UnsafeMutablePointer<T>)) {
        let mv = Lanes<T>(repeating: mean)
        let gv = Lanes<T>(repeating: gamma), sv = Lanes<T>(repeating: scale)
        let mg = Lanes<T>(repeating: meanG), mgh = Lanes<T>(repeating: meanGH)
        @inline(__always) func gradient(_ g: UnsafePointer<T>, _ x: UnsafePointer<T>, _ j: Int) -> Lanes<T> {
            let h = (load(x + j) - mv) * sv
            return (gv * load(g + j) - mg - h * mgh) * sv
        }
        var j = 0
        while j + 8 <= n {
            store(gradient(g.0, x.0, j), out.0 + j); store(gradient(g.1, x.1, j), out.1 + j)
            store(gradient(g.2, x.2, j), out.2 + j); store(gradient(g.3, x.3, j), out.3 + j)
            j += 8
        }
        @inline(__always) func tail(_ g: UnsafePointer<T>, _ x: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>) {
            normalizationGradientStandardized(g + j, x: x + j, n - j, mean: mean, gamma: gamma, scale: scale,
                                              meanG: meanG, meanGH: meanGH, into: out + j)
        }
        if j < n {
            tail(g.0, x.0, out.0); tail(g.1, x.1, out.1); tail(g.2, x.2, out.2); tail(g.3, x.3, out.3)
        }
    }
}
