/// Element-wise unary primitives: forward and backward side by side.
extension Tensor {
    /// e^x. d/dx = e^x (reuses the output).
    public func exp() -> Tensor {
        let y = apply(ExpKernel.self)
        let saved = y.detach()   // capturing y itself would make a reference cycle
        return Tensor.record("exp", inputs: [self], output: y) { g in [g * saved] }
    }

    /// Natural logarithm ln x. d/dx = 1/x.
    public func log() -> Tensor {
        let y = apply(LogKernel.self)
        return Tensor.record("log", inputs: [self], output: y) { [self] g in [g / self] }
    }

    /// √x. d/dx = 1 / (2√x).
    public func sqrt() -> Tensor {
        let y = map({ $0.squareRoot() }, { $0.squareRoot() })
        let saved = y.detach()
        return Tensor.record("sqrt", inputs: [self], output: y) { g in [g / (saved * 2)] }
    }

    /// x^p for a constant exponent. d/dx = p x^(p−1).
    public func pow(_ p: Double) -> Tensor {
        let pf = Float(p)
        let y = map({ Float.powValue($0, pf) }, { Double.powValue($0, p) })
        return Tensor.record("pow", inputs: [self], output: y) { [self] g in
            [g * self.map({ pf * Float.powValue($0, pf - 1) }, { p * Double.powValue($0, p - 1) })]
        }
    }

    /// x². d/dx = 2x.
    public func square() -> Tensor {
        let y = map({ $0 * $0 }, { $0 * $0 })
        return Tensor.record("square", inputs: [self], output: y) { [self] g in
            [Tensor.zip("square_backward", g, self, { 2 * $0 * $1 }, { 2 * $0 * $1 })]
        }
    }

    /// |x|. d/dx = sign(x) (0 at 0).
    public func abs() -> Tensor {
        let y = map({ Swift.abs($0) }, { Swift.abs($0) })
        return Tensor.record("abs", inputs: [self], output: y) { [self] g in
            [Tensor.zip("abs_backward", g, self, { $0 * signScalar($1) }, { $0 * signScalar($1) })]
        }
    }

    /// Clamps each element into [min, max] (either bound optional). The gradient passes where
    /// min ≤ x ≤ max and is 0 outside, as in PyTorch.
    public func clamp(min lower: Double? = nil, max upper: Double? = nil) -> Tensor {
        let lo = lower ?? -.infinity, hi = upper ?? .infinity
        let lof = Float(lo), hif = Float(hi)
        let y = map({ Swift.min(Swift.max($0, lof), hif) }, { Swift.min(Swift.max($0, lo), hi) })
        return Tensor.record("clamp", inputs: [self], output: y) { [self] g in
            [Tensor.zip("clamp_backward", g, self, { ($1 >= lof && $1 <= hif) ? $0 : 0 },
                        { ($1 >= lo && $1 <= hi) ? $0 : 0 })]
        }
    }
}

/// e^x element-wise.
public func exp(_ x: Tensor) -> Tensor { x.exp() }
/// ln x element-wise.
public func log(_ x: Tensor) -> Tensor { x.log() }
/// √x element-wise.
public func sqrt(_ x: Tensor) -> Tensor { x.sqrt() }
/// x^p element-wise.
public func pow(_ x: Tensor, _ p: Double) -> Tensor { x.pow(p) }
/// |x| element-wise.
public func abs(_ x: Tensor) -> Tensor { x.abs() }
/// x² element-wise.
public func square(_ x: Tensor) -> Tensor { x.square() }
/// Clamp element-wise into [min, max].
public func clamp(_ x: Tensor, min lower: Double? = nil, max upper: Double? = nil) -> Tensor {
    x.clamp(min: lower, max: upper)
}
