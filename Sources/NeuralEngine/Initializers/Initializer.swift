import Foundation

/// How a layer fills a new weight tensor: a value that layers accept (`Linear(64, 10, weightInit: .xavierUniform())`).
///
/// Variances, with fan-in / fan-out as in ``Fans``:
/// - Glorot & Bengio (2010), "Understanding the difficulty of training deep feedforward neural networks":
///   keep the variance of activations *and* of back-propagated gradients constant across layers,
///   which asks for Var(w) = 1/fanIn and 1/fanOut at once; the compromise is **Var(w) = 2 / (fanIn + fanOut)**
///   (times gain²). Uniform: U(−a, a) with a = gain·√(6 / (fanIn + fanOut)); normal: std = gain·√(2 / (fanIn + fanOut)).
/// - He, Zhang, Ren & Sun (2015), "Delving Deep into Rectifiers": ReLU zeroes half the signal, so
///   **Var(w) = 2 / fanIn** keeps the forward variance constant (gain² / fan in general, gain √2 for ReLU).
///   Uniform: U(−b, b) with b = gain·√(3 / fan); normal: std = gain / √fan.
///
/// Semantics follow `torch.nn.init` exactly, so numbers can be compared with PyTorch.
public enum Initializer: Sendable {
    /// All zeros.
    case zeros
    /// All ones.
    case ones
    /// Every element equal to `value`.
    case constant(Double)
    /// Normal N(mean, std²).
    case normal(mean: Double = 0, std: Double)
    /// Uniform U(a, b).
    case uniform(Double, Double)
    /// Glorot/Xavier uniform: U(−a, a), a = gain·√(6 / (fanIn + fanOut)).
    case xavierUniform(gain: Double = 1)
    /// Glorot/Xavier normal: N(0, gain² · 2 / (fanIn + fanOut)).
    case xavierNormal(gain: Double = 1)
    /// He/Kaiming uniform: U(−b, b), b = gain(nonlinearity)·√(3 / fan).
    case kaimingUniform(mode: FanMode = .fanIn, nonlinearity: Nonlinearity = .leakyRelu(0))
    /// He/Kaiming normal: N(0, gain(nonlinearity)² / fan).
    case kaimingNormal(mode: FanMode = .fanIn, nonlinearity: Nonlinearity = .leakyRelu(0))

    /// Which fan a Kaiming initializer divides by: fan-in preserves the forward variance,
    /// fan-out the backward variance (He et al. 2015, §2.2).
    public enum FanMode: Sendable { case fanIn, fanOut }

    /// The nonlinearity following the layer, which fixes the gain (`torch.nn.init.calculate_gain`).
    public enum Nonlinearity: Sendable, Equatable {
        case linear, sigmoid, tanh, relu, selu
        /// Leaky ReLU with the given negative slope.
        case leakyRelu(Double)
    }

    /// PyTorch's default for `nn.Linear` and `nn.Conv2d` weights: Kaiming uniform with a = √5, which
    /// works out to U(−1/√fanIn, 1/√fanIn) (gain √(2/(1+5)) = √(1/3), times √(3/fanIn)).
    public static let pytorchDefault = Initializer.kaimingUniform(mode: .fanIn, nonlinearity: .leakyRelu(5.0.squareRoot()))

    /// He normal for ReLU networks: N(0, 2/fanIn).
    public static let heNormal = Initializer.kaimingNormal(mode: .fanIn, nonlinearity: .relu)
    /// He uniform for ReLU networks: U(−√(6/fanIn), √(6/fanIn)).
    public static let heUniform = Initializer.kaimingUniform(mode: .fanIn, nonlinearity: .relu)

    /// The recommended gain for a nonlinearity, as `torch.nn.init.calculate_gain`:
    /// linear and sigmoid 1, tanh 5/3, ReLU √2, leaky ReLU √(2 / (1 + slope²)), SELU 3/4.
    public static func gain(for nonlinearity: Nonlinearity) -> Double {
        switch nonlinearity {
        case .linear, .sigmoid: return 1
        case .tanh: return 5.0 / 3.0
        case .relu: return 2.0.squareRoot()
        case .selu: return 0.75
        case .leakyRelu(let slope): return (2.0 / (1 + slope * slope)).squareRoot()
        }
    }

    /// The standard deviation of the distribution this initializer draws from, for a given shape
    /// (0 for the constant initializers). Chapters compare it with the empirical std.
    public func standardDeviation(shape: [Int]) -> Double {
        let fans = Fans(shape: shape)
        switch self {
        case .zeros, .ones, .constant: return 0
        case .normal(_, let std): return std
        case .uniform(let a, let b): return (b - a) / 12.0.squareRoot()
        case .xavierUniform(let gain), .xavierNormal(let gain):
            return gain * (2.0 / Double(fans.fanIn + fans.fanOut)).squareRoot()
        case .kaimingUniform(let mode, let nl), .kaimingNormal(let mode, let nl):
            return Initializer.gain(for: nl) / Double(fans.fan(mode)).squareRoot()
        }
    }

    /// A new tensor of `shape` drawn from this initializer, with `requiresGrad == false`.
    public func make(_ shape: [Int], dtype: DType = .float32, generator: RandomGenerator = .global) -> Tensor {
        switch self {
        case .zeros: return Tensor.zeros(shape, dtype: dtype)
        case .ones: return Tensor.ones(shape, dtype: dtype)
        case .constant(let v): return Tensor.full(shape, value: v, dtype: dtype)
        case .normal(let mean, let std):
            return Tensor.randn(shape, mean: mean, std: std, dtype: dtype, generator: generator)
        case .uniform(let a, let b):
            return Tensor.rand(shape, low: a, high: b, dtype: dtype, generator: generator)
        case .xavierUniform, .kaimingUniform:
            // A uniform U(−b, b) has variance b²/3, so b = √3 · std.
            let bound = 3.0.squareRoot() * standardDeviation(shape: shape)
            return Tensor.rand(shape, low: -bound, high: bound, dtype: dtype, generator: generator)
        case .xavierNormal, .kaimingNormal:
            return Tensor.randn(shape, mean: 0, std: standardDeviation(shape: shape), dtype: dtype, generator: generator)
        }
    }
}
