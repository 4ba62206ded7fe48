/// Activation functions as element-wise primitives (each with its derivative beside it).
extension Tensor {
    /// tanh x. d/dx = 1 − tanh² x (reuses the output).
    public func tanh() -> Tensor {
        let y = apply(TanhKernel.self)
        let saved = y.detach()
        return Tensor.record("tanh", inputs: [self], output: y) { g in
            [Tensor.zip("tanh_backward", g, saved, { $0 * (1 - $1 * $1) }, { $0 * (1 - $1 * $1) })]
        }
    }

    /// Logistic sigmoid σ(x) = 1/(1 + e^(−x)), computed stably. dσ/dx = σ(1 − σ).
    /// A primitive (not exp and divide) so large |x| never overflows.
    public func sigmoid() -> Tensor {
        let y = apply(SigmoidKernel.self)
        let saved = y.detach()
        return Tensor.record("sigmoid", inputs: [self], output: y) { g in
            [Tensor.zip("sigmoid_backward", g, saved, { $0 * $1 * (1 - $1) }, { $0 * $1 * (1 - $1) })]
        }
    }

    /// ReLU max(x, 0) (Nair & Hinton 2010). d/dx = 1 for x > 0, else 0.
    public func relu() -> Tensor {
        let y = apply(ReluKernel.self)
        return Tensor.record("relu", inputs: [self], output: y) { [self] g in
            [Tensor.zip("relu_backward", g, self, { $1 > 0 ? $0 : 0 }, { $1 > 0 ? $0 : 0 })]
        }
    }

    /// Leaky ReLU: x for x > 0, slope · x otherwise (Maas et al. 2013).
    public func leakyRelu(slope: Double = 0.01) -> Tensor {
        let s = Float(slope)
        let y = map({ $0 > 0 ? $0 : s * $0 }, { $0 > 0 ? $0 : slope * $0 })
        return Tensor.record("leakyRelu", inputs: [self], output: y) { [self] g in
            [Tensor.zip("leakyRelu_backward", g, self, { $1 > 0 ? $0 : s * $0 }, { $1 > 0 ? $0 : slope * $0 })]
        }
    }

    /// ELU: x for x > 0, α(e^x − 1) otherwise (Clevert et al. 2016). d/dx = 1 or y + α.
    public func elu(alpha: Double = 1) -> Tensor {
        let a = Float(alpha)
        let y = map({ eluScalar($0, a) }, { eluScalar($0, alpha) })
        let saved = y.detach()
        return Tensor.record("elu", inputs: [self], output: y) { [self] g in
            let slope = Tensor.zip("elu_slope", self, saved, { $0 > 0 ? 1 : $1 + a }, { $0 > 0 ? 1 : $1 + alpha })
            return [g * slope]
        }
    }

    /// GELU x Φ(x), exact erf form (Hendrycks & Gimpel 2016). d/dx = Φ(x) + x φ(x).
    public func gelu() -> Tensor {
        let y = apply(GeluKernel.self)
        return Tensor.record("gelu", inputs: [self], output: y) { [self] g in
            [Tensor.zip("gelu_backward", g, self, { $0 * geluDerivative($1) }, { $0 * geluDerivative($1) })]
        }
    }

    /// softplus ln(1 + e^x), computed stably (Dugas et al. 2001). d/dx = σ(x).
    public func softplus() -> Tensor {
        let y = map({ softplusScalar($0) }, { softplusScalar($0) })
        return Tensor.record("softplus", inputs: [self], output: y) { [self] g in
            [Tensor.zip("softplus_backward", g, self, { $0 * sigmoidScalar($1) }, { $0 * sigmoidScalar($1) })]
        }
    }
}

/// tanh element-wise.
public func tanh(_ x: Tensor) -> Tensor { x.tanh() }
/// Logistic sigmoid element-wise.
public func sigmoid(_ x: Tensor) -> Tensor { x.sigmoid() }
/// ReLU element-wise.
public func relu(_ x: Tensor) -> Tensor { x.relu() }
/// Leaky ReLU element-wise.
public func leakyRelu(_ x: Tensor, slope: Double = 0.01) -> Tensor { x.leakyRelu(slope: slope) }
/// ELU element-wise.
public func elu(_ x: Tensor, alpha: Double = 1) -> Tensor { x.elu(alpha: alpha) }
/// GELU element-wise.
public func gelu(_ x: Tensor) -> Tensor { x.gelu() }
/// softplus element-wise.
public func softplus(_ x: Tensor) -> Tensor { x.softplus() }
