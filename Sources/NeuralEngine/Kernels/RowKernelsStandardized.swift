/// Row loops of the fused BatchNorm → ReLU → pool kernel (`NormReLUPoolKernel`) that use x̂ = (x − mean)·scale
/// straight from a register instead of from a stored x̂ row.
///
/// Each is `normalize`'s x̂ composed with the loop it feeds (`normalize`'s y, `sumAndDot`,
/// `normalizationGradient`), with the same expressions in the same order: x̂ is rounded to T exactly
/// as when it is stored and loaded again, so the results are those loops' bit for bit.
/// Skipping the x̂ row saves a store and a load per element (the fused backward made three passes over
/// each row: standardize, then the sums or the gradient).
extension RowKernels {
    /// y = γ·x̂ + β for one row, x̂ = (x − mean)·scale (`normalize` without storing x̂).
    @inline(__always)
    static func normalizeAffine<T: TensorScalar>(_ x: UnsafePointer<T>, _ n: Int, mean: T, scale: T, gamma: T, beta: T,
                                                 y: UnsafeMutablePointer<T>) {
        let mv = Lanes<T>(repeating: mean), sv = Lanes<T>(repeating: scale)
        let gv = Lanes<T>(repeating: gamma), bv = Lanes<T>(repeating: beta)
        var j = 0
        while j + 8 <= n {
            let h = (load(x + j) - mv) * sv
            store(gv * h + bv, y + j)
            j += 8
        }
        while j < n {
            let h = (x[j] - mean) * scale
            y[j] = gamma * h + beta
            j += 1
        }
    }

    /// (Σ g[j], Σ g[j]·x̂[j]) with x̂ = (x − mean)·scale: `sumAndDot(g, x̂, n)`.
    @inline(__always)
    static func sumAndDotStandardized<T: TensorScalar>(_ g: UnsafePointer<T>, _ x: UnsafePointer<T>, _ n: Int,
                                                       mean: T, scale: T) -> (Double, Double) {
        let mv = Lanes<T>(repeating: mean), sv = Lanes<T>(repeating: scale)
        var sum = 0.0, dot = 0.0, j = 0
        while j + 8 <= n {
            let end = Swift.min(n, j + blockSize)
            var accSum = Lanes<T>(), accDot = Lanes<T>()
            while j + 8 <= end {
                let gv = load(g + j)
                accSum += gv
                accDot = accDot.addingProduct(gv, (load(x + j) - mv) * sv)
                j += 8
            }
            sum += total(accSum)
            dot += total(accDot)
        }
        while j < n {
            let h = (x[j] - mean) * scale
            sum += Double(g[j]); dot += Double(g[j]) * Double(h); j += 1
        }
        return (sum, dot)
    }

    /// ∂L/∂x = (γ·g − mean(ĝ) − x̂·mean(ĝ·x̂))·scale with x̂ = (x − mean)·scale:
    /// `normalizationGradient(g, x̂, …)`.
    @inline(__always)
    static func normalizationGradientStandardized<T: TensorScalar>(_ g: UnsafePointer<T>, x: UnsafePointer<T>, _ n: Int,
                                                                   mean: T, gamma: T, scale: T, meanG: T, meanGH: T,
                                                                   into out: UnsafeMutablePointer<T>) {
        let mv = Lanes<T>(repeating: mean)
        let gv = Lanes<T>(repeating: gamma), sv = Lanes<T>(repeating: scale)
        let mg = Lanes<T>(repeating: meanG), mgh = Lanes<T>(repeating: meanGH)
        var j = 0
        while j + 8 <= n {
            let h = (load(x + j) - mv) * sv
            store((gv * load(g + j) - mg - h * mgh) * sv, out + j)
            j += 8
        }
        while j < n {
            let h = (x[j] - mean) * scale
            out[j] = (gamma * g[j] - meanG - h * meanGH) * scale
            j += 1
        }
    }
}
