/// Result of comparing analytic (backward) gradients with numerical ones.
public struct GradientCheckResult: Sendable, CustomStringConvertible {
    /// Largest relative error over every element of every input.
    public let maxRelativeError: Double
    /// Largest absolute difference |analytic − numerical| over every element.
    public let maxAbsoluteError: Double
    /// Largest relative error per input, in input order.
    public let relativeErrors: [Double]
    /// Largest absolute error per input.
    public let absoluteErrors: [Double]
    /// Analytic gradients (Float64), one per input.
    public let analytic: [Tensor]
    /// Numerical gradients (Float64), one per input.
    public let numerical: [Tensor]

    /// True when every element has relative error below `relative` or absolute error below `absolute`
    /// (the absolute test covers elements whose true gradient is 0, where relative error is noise).
    public func passes(relative: Double = 1e-7, absolute: Double = 0) -> Bool {
        for (a, n) in zip(analytic, numerical) {
            for (x, y) in zip(a.doubles, n.doubles) {
                let diff = Swift.abs(x - y)
                if diff / Swift.max(Swift.abs(x) + Swift.abs(y), GradientCheck.tiny) >= relative && diff >= absolute { return false }
            }
        }
        return true
    }

    public var description: String {
        "GradientCheck(maxRelativeError: \(maxRelativeError), maxAbsoluteError: \(maxAbsoluteError), perInput: \(relativeErrors))"
    }
}

/// Gradient checking by central differences, as taught in CS231n ("Gradient checks"):
/// numerical ∂L/∂xᵢ ≈ (L(x + h eᵢ) − L(x − h eᵢ)) / 2h, compared with backward's analytic gradient by the
/// relative error |a − n| / max(|a| + |n|, 1e-8).
///
/// Runs in Float64 (inputs are converted), where h = 1e-6 balances truncation error O(h²) against
/// round-off O(ε/h). A non-scalar output y is reduced to L = Σ wᵢ yᵢ with fixed pseudo-random weights w,
/// so every output element is checked (a plain sum would hide errors that cancel, as in softmax).
public enum GradientCheck {
    /// Floor of the relative-error denominator (CS231n uses 1e-8).
    public static let tiny = 1e-8

    /// Checks `f` at `inputs`; every input gets a gradient.
    public static func check(_ f: ([Tensor]) -> Tensor, inputs: [Tensor], epsilon: Double = 1e-6) -> GradientCheckResult {
        let xs = inputs.map { Tensor($0.doubles, shape: $0.shape, dtype: .float64).requiringGrad() }
        let probe = noGrad { f(xs) }
        let weights = Tensor.randn(probe.shape, dtype: .float64, generator: RandomGenerator(seed: 0x5EED))
        func loss(_ y: Tensor) -> Tensor { y.count == 1 ? y.sum() : (y * weights).sum() }

        let out = loss(f(xs))
        out.backward()
        let analytic = xs.map { $0.grad?.detach() ?? Tensor.zeros($0.shape, dtype: .float64) }

        var numerical: [Tensor] = []
        for x in xs {
            var g = [Double](repeating: 0, count: x.count)
            for i in 0..<x.count {
                let original = x.f64[i]
                x.f64[i] = original + epsilon
                let plus = noGrad { loss(f(xs)).item() }
                x.f64[i] = original - epsilon
                let minus = noGrad { loss(f(xs)).item() }
                x.f64[i] = original
                g[i] = (plus - minus) / (2 * epsilon)
            }
            numerical.append(Tensor(g, shape: x.shape, dtype: .float64))
        }

        var rel: [Double] = [], abs: [Double] = []
        for (a, n) in zip(analytic, numerical) {
            var r = 0.0, e = 0.0
            for (x, y) in zip(a.f64, n.f64) {
                let diff = Swift.abs(x - y)
                r = Swift.max(r, diff / Swift.max(Swift.abs(x) + Swift.abs(y), tiny))
                e = Swift.max(e, diff)
            }
            rel.append(r); abs.append(e)
        }
        return GradientCheckResult(maxRelativeError: rel.max() ?? 0, maxAbsoluteError: abs.max() ?? 0,
                                   relativeErrors: rel, absoluteErrors: abs, analytic: analytic, numerical: numerical)
    }
}
