/// Activation functions as layers, for use inside ``Sequential``. Each applies the element-wise
/// function of the same name on ``Tensor`` (which documents the formula).

/// max(0, x) (Nair & Hinton 2010).
public final class ReLU: Module {
    public override init() { super.init() }
    public override func forward(_ x: Tensor) -> Tensor { x.relu() }
}

/// tanh(x).
public final class Tanh: Module {
    public override init() { super.init() }
    public override func forward(_ x: Tensor) -> Tensor { x.tanh() }
}

/// σ(x) = 1 / (1 + e^(−x)).
public final class Sigmoid: Module {
    public override init() { super.init() }
    public override func forward(_ x: Tensor) -> Tensor { x.sigmoid() }
}

/// x for x > 0, slope·x otherwise (Maas et al. 2013); PyTorch's default slope 0.01.
public final class LeakyReLU: Module {
    public let slope: Double
    public init(slope: Double = 0.01) { self.slope = slope; super.init() }
    public override var summary: String { "LeakyReLU(slope: \(slope))" }
    public override func forward(_ x: Tensor) -> Tensor { x.leakyRelu(slope: slope) }
}

/// x for x > 0, α(eˣ − 1) otherwise (Clevert et al. 2016).
public final class ELU: Module {
    public let alpha: Double
    public init(alpha: Double = 1) { self.alpha = alpha; super.init() }
    public override var summary: String { "ELU(alpha: \(alpha))" }
    public override func forward(_ x: Tensor) -> Tensor { x.elu(alpha: alpha) }
}

/// x·Φ(x), Φ the standard normal CDF (Hendrycks & Gimpel 2016).
public final class GELU: Module {
    public override init() { super.init() }
    public override func forward(_ x: Tensor) -> Tensor { x.gelu() }
}

/// log(1 + eˣ), a smooth ReLU.
public final class Softplus: Module {
    public override init() { super.init() }
    public override func forward(_ x: Tensor) -> Tensor { x.softplus() }
}

/// Returns its input unchanged (a placeholder, e.g. "no normalization").
public final class Identity: Module {
    public override init() { super.init() }
    public override func forward(_ x: Tensor) -> Tensor { x }
}

/// Flattens all axes from `startAxis` on: `[N, C, H, W]` → `[N, C·H·W]` by default.
public final class Flatten: Module {
    public let startAxis: Int
    public init(startAxis: Int = 1) { self.startAxis = startAxis; super.init() }
    public override func forward(_ x: Tensor) -> Tensor { x.flatten(startAxis: startAxis) }
}
