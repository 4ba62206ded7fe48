/// Normalization layers, all in one file because they are one idea with different axes:
/// x̂ = (x − μ) / √(σ² + ε), then an optional per-channel (or per-element) affine γ·x̂ + β.
///
/// | layer | statistics over | input |
/// | --- | --- | --- |
/// | ``BatchNorm1d`` | batch (and length) | `[N, C]` or `[N, C, L]` |
/// | ``BatchNorm2d`` | batch and space | `[N, C, H, W]` |
/// | ``LayerNorm`` | the trailing `normalizedShape` axes of each sample | `[..., *normalizedShape]` |
/// | ``InstanceNorm2d`` | space, per sample and channel | `[N, C, H, W]` |
/// | ``GroupNorm`` | each group of C/G channels and space, per sample | `[N, C, *]` |
///
/// σ² is always the *biased* (population) variance, as in PyTorch. Defaults follow PyTorch: ε = 1e-5,
/// γ = 1, β = 0, BatchNorm momentum 0.1. The layers run the fused ``NormalizationKernel`` (one graph
/// node per layer); ``standardize(_:axes:eps:)`` is the same computation from Tensor primitives, and
/// the tests check that both give the same values and gradients.

/// Mean and biased variance over `axes` (kept as size-1 axes), and the normalized x̂, from
/// differentiable primitives: the reference the fused kernel is tested against.
public func standardize(_ x: Tensor, axes: [Int], eps: Double = 1e-5) -> (xHat: Tensor, mean: Tensor, variance: Tensor) {
    let mean = x.mean(axes: axes, keepDims: true)
    let centered = x - mean
    let variance = centered.square().mean(axes: axes, keepDims: true)
    return (centered / (variance + eps).sqrt(), mean, variance)
}

/// Batch normalization (Ioffe & Szegedy 2015), shared by ``BatchNorm1d`` and ``BatchNorm2d``.
///
/// Training: normalize with the batch mean and *biased* variance over every axis except the channel
/// axis 1, and update running estimates with the *unbiased* variance:
/// running ← (1 − momentum)·running + momentum·batch (momentum 0.1 as PyTorch).
/// Eval: normalize with the running mean and variance instead.
public class BatchNorm: Module {
    public let numFeatures: Int
    public let eps: Double
    public let momentum: Double
    /// γ `[C]` (initialised to 1), nil without affine.
    public let weight: Tensor?
    /// β `[C]` (initialised to 0), nil without affine.
    public let bias: Tensor?
    /// Running mean `[C]` (starts at 0).
    public let runningMean: Tensor
    /// Running unbiased variance `[C]` (starts at 1).
    public let runningVar: Tensor
    private let allowedRanks: Set<Int>

    init(numFeatures: Int, eps: Double, momentum: Double, affine: Bool, dtype: DType, allowedRanks: Set<Int>) {
        if numFeatures <= 0 { fatalError("\(Self.self): numFeatures must be positive, got \(numFeatures)") }
        self.numFeatures = numFeatures
        self.eps = eps
        self.momentum = momentum
        self.allowedRanks = allowedRanks
        weight = affine ? Tensor.ones([numFeatures], dtype: dtype).requiringGrad() : nil
        bias = affine ? Tensor.zeros([numFeatures], dtype: dtype).requiringGrad() : nil
        runningMean = Tensor.zeros([numFeatures], dtype: dtype)
        runningVar = Tensor.ones([numFeatures], dtype: dtype)
        super.init()
    }

    public override var ownParameters: [(String, Tensor)] {
        guard let weight, let bias else { return [] }
        return [("weight", weight), ("bias", bias)]
    }

    public override var ownBuffers: [(String, Tensor)] { [("running_mean", runningMean), ("running_var", runningVar)] }

    public override var summary: String { "\(typeName)(\(numFeatures), eps: \(eps), momentum: \(momentum), affine: \(weight != nil))" }

    public override func forward(_ x: Tensor) -> Tensor {
        if !allowedRanks.contains(x.rank) || x.shape[1] != numFeatures {
            fatalError("\(typeName).forward: input shape \(ShapeError.describe(x.shape)) does not have \(numFeatures) channels on axis 1 with rank in \(allowedRanks.sorted())")
        }
        if training {
            let n = x.count / numFeatures
            if n < 2 { fatalError("\(typeName): training needs more than 1 value per channel, got input \(ShapeError.describe(x.shape))") }
            let result = NormalizationKernel.apply(x, grouping: .perChannel, weight: weight, bias: bias, eps: eps, op: typeName)
            // The running variance is unbiased: σ²·n/(n − 1) (PyTorch does the same).
            let correction = Double(n) / Double(n - 1)
            let dtype = runningMean.dtype
            let m = momentum
            let newMean = zip(runningMean.doubles, result.mean).map { (1 - m) * $0 + m * $1 }
            let newVar = zip(runningVar.doubles, result.variance).map { (1 - m) * $0 + m * $1 * correction }
            runningMean.assign(Tensor(newMean, shape: [numFeatures], dtype: dtype))
            runningVar.assign(Tensor(newVar, shape: [numFeatures], dtype: dtype))
            return result.output
        }
        return NormalizationKernel.apply(x, grouping: .perChannel, weight: weight, bias: bias, eps: eps,
                                         fixed: (runningMean, runningVar), op: typeName).output
    }
}

/// Batch normalization for `[N, C]` (fully connected) or `[N, C, L]` inputs.
public final class BatchNorm1d: BatchNorm {
    public init(_ numFeatures: Int, eps: Double = 1e-5, momentum: Double = 0.1, affine: Bool = true, dtype: DType = .float32) {
        super.init(numFeatures: numFeatures, eps: eps, momentum: momentum, affine: affine, dtype: dtype, allowedRanks: [2, 3])
    }
}

/// Batch normalization for `[N, C, H, W]` feature maps: statistics per channel over N, H and W.
public final class BatchNorm2d: BatchNorm {
    public init(_ numFeatures: Int, eps: Double = 1e-5, momentum: Double = 0.1, affine: Bool = true, dtype: DType = .float32) {
        super.init(numFeatures: numFeatures, eps: eps, momentum: momentum, affine: affine, dtype: dtype, allowedRanks: [4])
    }
}

/// Layer normalization (Ba, Kiros & Hinton 2016): statistics over the trailing `normalizedShape`
/// axes of each sample, the same in training and eval; elementwise γ, β of shape `normalizedShape`.
public final class LayerNorm: Module {
    public let normalizedShape: [Int]
    public let eps: Double
    public let weight: Tensor?
    public let bias: Tensor?

    public init(_ normalizedShape: [Int], eps: Double = 1e-5, elementwiseAffine: Bool = true, dtype: DType = .float32) {
        if normalizedShape.isEmpty { fatalError("LayerNorm: normalizedShape must not be empty") }
        self.normalizedShape = normalizedShape
        self.eps = eps
        weight = elementwiseAffine ? Tensor.ones(normalizedShape, dtype: dtype).requiringGrad() : nil
        bias = elementwiseAffine ? Tensor.zeros(normalizedShape, dtype: dtype).requiringGrad() : nil
        super.init()
    }

    public override var ownParameters: [(String, Tensor)] {
        guard let weight, let bias else { return [] }
        return [("weight", weight), ("bias", bias)]
    }

    public override var summary: String { "LayerNorm(\(normalizedShape), eps: \(eps), affine: \(weight != nil))" }

    public override func forward(_ x: Tensor) -> Tensor {
        let k = normalizedShape.count
        if x.rank < k || Array(x.shape.suffix(k)) != normalizedShape {
            ShapeError.mismatch("LayerNorm.forward", x.shape, normalizedShape, detail: "trailing axes must equal normalizedShape")
        }
        let m = normalizedShape.reduce(1, *)
        return NormalizationKernel.apply(x, view: (x.count / m, m, 1), grouping: .groups(1), weight: weight,
                                         bias: bias, eps: eps, op: "LayerNorm").output
    }
}

/// Instance normalization (Ulyanov, Vedaldi & Lempitsky 2016): statistics over H and W for each
/// sample and channel, in training and eval alike. `affine` is false by default, as in PyTorch.
public final class InstanceNorm2d: Module {
    public let numFeatures: Int
    public let eps: Double
    public let weight: Tensor?
    public let bias: Tensor?

    public init(_ numFeatures: Int, eps: Double = 1e-5, affine: Bool = false, dtype: DType = .float32) {
        self.numFeatures = numFeatures
        self.eps = eps
        weight = affine ? Tensor.ones([numFeatures], dtype: dtype).requiringGrad() : nil
        bias = affine ? Tensor.zeros([numFeatures], dtype: dtype).requiringGrad() : nil
        super.init()
    }

    public override var ownParameters: [(String, Tensor)] {
        guard let weight, let bias else { return [] }
        return [("weight", weight), ("bias", bias)]
    }

    public override var summary: String { "InstanceNorm2d(\(numFeatures), eps: \(eps), affine: \(weight != nil))" }

    public override func forward(_ x: Tensor) -> Tensor {
        if x.rank != 4 || x.shape[1] != numFeatures {
            fatalError("InstanceNorm2d.forward: expected [N, \(numFeatures), H, W], got \(ShapeError.describe(x.shape))")
        }
        return NormalizationKernel.apply(x, grouping: .groups(numFeatures), weight: weight, bias: bias, eps: eps,
                                         op: "InstanceNorm2d").output
    }
}

/// Group normalization (Wu & He 2018): the C channels are split into `numGroups` groups of C/G
/// consecutive channels; statistics over each group and all spatial positions, per sample.
/// G = 1 is LayerNorm over (C, H, W); G = C is InstanceNorm. Affine γ, β per channel.
public final class GroupNorm: Module {
    public let numGroups: Int
    public let numChannels: Int
    public let eps: Double
    public let weight: Tensor?
    public let bias: Tensor?

    public init(_ numGroups: Int, _ numChannels: Int, eps: Double = 1e-5, affine: Bool = true, dtype: DType = .float32) {
        if numGroups <= 0 || numChannels % numGroups != 0 {
            fatalError("GroupNorm: \(numChannels) channels cannot be split into \(numGroups) groups")
        }
        self.numGroups = numGroups
        self.numChannels = numChannels
        self.eps = eps
        weight = affine ? Tensor.ones([numChannels], dtype: dtype).requiringGrad() : nil
        bias = affine ? Tensor.zeros([numChannels], dtype: dtype).requiringGrad() : nil
        super.init()
    }

    public override var ownParameters: [(String, Tensor)] {
        guard let weight, let bias else { return [] }
        return [("weight", weight), ("bias", bias)]
    }

    public override var summary: String { "GroupNorm(\(numGroups), \(numChannels), eps: \(eps), affine: \(weight != nil))" }

    public override func forward(_ x: Tensor) -> Tensor {
        if x.rank < 2 || x.shape[1] != numChannels {
            fatalError("GroupNorm.forward: expected [N, \(numChannels), *], got \(ShapeError.describe(x.shape))")
        }
        return NormalizationKernel.apply(x, grouping: .groups(numGroups), weight: weight, bias: bias, eps: eps,
                                         op: "GroupNorm").output
    }
}
