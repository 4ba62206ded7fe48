/// Scalar formulas shared by the element-wise kernels, written once for `Float` and `Double`.

/// Logistic sigmoid σ(x) = 1 / (1 + e^(−x)), evaluated without overflow: for x < 0 use e^x / (1 + e^x).
@inline(__always) func sigmoidScalar<T: TensorScalar>(_ x: T) -> T {
    if x >= 0 { return 1 / (1 + T.expValue(-x)) }
    let e = T.expValue(x)
    return e / (1 + e)
}

/// softplus(x) = ln(1 + e^x) = max(x, 0) + ln(1 + e^(−|x|)), the stable form.
@inline(__always) func softplusScalar<T: TensorScalar>(_ x: T) -> T {
    (x > 0 ? x : 0) + T.log1pValue(T.expValue(-Swift.abs(x)))
}

/// Standard normal CDF Φ(x) = ½ (1 + erf(x / √2)).
@inline(__always) func normalCDF<T: TensorScalar>(_ x: T) -> T {
    T(0.5) * (1 + T.erfValue(x * T(0.70710678118654752440)))
}

/// Standard normal density φ(x) = e^(−x²/2) / √(2π).
@inline(__always) func normalPDF<T: TensorScalar>(_ x: T) -> T {
    T.expValue(-T(0.5) * x * x) * T(0.39894228040143267794)
}

/// GELU(x) = x Φ(x) (Hendrycks & Gimpel 2016, exact erf form as PyTorch's default).
@inline(__always) func geluScalar<T: TensorScalar>(_ x: T) -> T { x * normalCDF(x) }

/// d GELU / dx = Φ(x) + x φ(x).
@inline(__always) func geluDerivative<T: TensorScalar>(_ x: T) -> T { normalCDF(x) + x * normalPDF(x) }

/// ELU(x) = x for x > 0, α (e^x − 1) otherwise (Clevert et al. 2016).
@inline(__always) func eluScalar<T: TensorScalar>(_ x: T, _ alpha: T) -> T {
    x > 0 ? x : alpha * (T.expValue(x) - 1)
}

/// Sign of x: −1, 0 or 1 (the subgradient of |x| used at 0 is 0, as PyTorch).
@inline(__always) func signScalar<T: TensorScalar>(_ x: T) -> T { x > 0 ? 1 : (x < 0 ? -1 : 0) }
