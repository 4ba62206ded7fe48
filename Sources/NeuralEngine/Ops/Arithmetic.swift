/// Element-wise arithmetic with NumPy broadcasting. Each primitive's backward sits beside its forward;
/// gradients of broadcast inputs are summed back to the input's shape (`Tensor.reduce(_:toShape:)`).

/// `a + b`. ∂/∂a = 1, ∂/∂b = 1.
public func + (a: Tensor, b: Tensor) -> Tensor {
    let out = Tensor.zip("add", a, b, { $0 + $1 }, { $0 + $1 })
    return Tensor.record("add", inputs: [a, b], output: out) { g in
        [Tensor.reduce(g, toShape: a.shape), Tensor.reduce(g, toShape: b.shape)]
    }
}

/// `a - b`. ∂/∂a = 1, ∂/∂b = −1.
public func - (a: Tensor, b: Tensor) -> Tensor {
    let out = Tensor.zip("sub", a, b, { $0 - $1 }, { $0 - $1 })
    return Tensor.record("sub", inputs: [a, b], output: out) { g in
        [Tensor.reduce(g, toShape: a.shape), b.requiresGrad ? Tensor.reduce(-g, toShape: b.shape) : nil]
    }
}

/// `a * b` (element-wise, Hadamard). ∂/∂a = b, ∂/∂b = a.
public func * (a: Tensor, b: Tensor) -> Tensor {
    let out = Tensor.zip("mul", a, b, { $0 * $1 }, { $0 * $1 })
    return Tensor.record("mul", inputs: [a, b], output: out) { g in
        [a.requiresGrad ? Tensor.reduce(g * b, toShape: a.shape) : nil,
         b.requiresGrad ? Tensor.reduce(g * a, toShape: b.shape) : nil]
    }
}

/// `a / b`. ∂/∂a = 1/b, ∂/∂b = −a/b².
public func / (a: Tensor, b: Tensor) -> Tensor {
    let out = Tensor.zip("div", a, b, { $0 / $1 }, { $0 / $1 })
    return Tensor.record("div", inputs: [a, b], output: out) { g in
        [a.requiresGrad ? Tensor.reduce(g / b, toShape: a.shape) : nil,
         b.requiresGrad ? Tensor.reduce(-(g * a) / (b * b), toShape: b.shape) : nil]
    }
}

/// `-x`. ∂/∂x = −1.
public prefix func - (x: Tensor) -> Tensor {
    let out = x.map({ -$0 }, { -$0 })
    return Tensor.record("neg", inputs: [x], output: out) { g in [-g] }
}

extension Tensor {
    /// A scalar tensor of this tensor's dtype (broadcasts against it).
    func scalarLike(_ value: Double) -> Tensor { Tensor([value], shape: [], dtype: dtype) }
}

/// `x + s` for every element.
public func + (x: Tensor, s: Double) -> Tensor { x + x.scalarLike(s) }
/// `s + x` for every element.
public func + (s: Double, x: Tensor) -> Tensor { x.scalarLike(s) + x }
/// `x - s` for every element.
public func - (x: Tensor, s: Double) -> Tensor { x - x.scalarLike(s) }
/// `s - x` for every element.
public func - (s: Double, x: Tensor) -> Tensor { x.scalarLike(s) - x }
/// `x * s` for every element.
public func * (x: Tensor, s: Double) -> Tensor { x * x.scalarLike(s) }
/// `s * x` for every element.
public func * (s: Double, x: Tensor) -> Tensor { x.scalarLike(s) * x }
/// `x / s` for every element.
public func / (x: Tensor, s: Double) -> Tensor { x / x.scalarLike(s) }
/// `s / x` for every element.
public func / (s: Double, x: Tensor) -> Tensor { x.scalarLike(s) / x }

/// `a += b` rebinds `a` to the new tensor `a + b` (recorded like `+`; does not mutate storage).
public func += (a: inout Tensor, b: Tensor) { a = a + b }
/// `a -= b` rebinds `a` to `a - b`.
public func -= (a: inout Tensor, b: Tensor) { a = a - b }
/// `a *= b` rebinds `a` to `a * b`.
public func *= (a: inout Tensor, b: Tensor) { a = a * b }
/// `a /= b` rebinds `a` to `a / b`.
public func /= (a: inout Tensor, b: Tensor) { a = a / b }
