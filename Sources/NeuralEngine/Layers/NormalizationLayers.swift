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
/// γ = 1, β = 0, BatchNorm momentum 0.1. Each layer holds its parameters and calls its functional
/// form (``batchNorm(_:runningMean:runningVar:weight:bias:training:momentum:eps:)``, ``layerNorm(_:normalizedShape:weight:bias:eps:)``,
/// ``instanceNorm(_:runningMean:runningVar:weight:bias:useInputStats:momentum:eps:)``,
/// ``groupNorm(_:numGroups:weight:bias:eps:)`` in Ops/Normalization.swift: one fused graph node);
/// ``standardize(_:axes:eps:)`` is the same computation from Tensor primitives, and the tests check
/// that both give the same values and gradients.

/// What every normalization layer shares: ε and the optional affine parameters γ (`weight`,
/// initialised to 1) and β (`bias`, initialised to 0), of shape `affineShape`.
public class NormalizationLayer: Module {
    public let eps: Double
    /// γ (initialised to 1), nil without affine parameters.
    public let weight: Tensor?
    /// β (initialised to 0), nil without affine parameters.
    public let bias: Tensor?

    init(affineShape: [Int], affine: Bool, eps: Double, dtype: DType) {
        self.eps = eps
        weight = affine ? Tensor.ones(affineShape, dtype: dtype).requiringGrad() : nil
        bias = affine ? Tensor.zeros(affineShape, dtype: dtype).requiringGrad() : nil
        super.init()
    }

    public override var ownParameters: [(String, Tensor)] {
        guard let weight, let bias else { return [] }
        return [("weight", weight), ("bias", bias)]
    }
}

/// Batch normalization (Ioffe & Szegedy 2015), shared by ``BatchNorm1d`` and ``BatchNorm2d``.
///
/// Training: normalize with the batch mean and *biased* variance over every axis except the channel
/// axis 1, and update running estimates with the *unbiased* variance:
/// running ← (1 − momentum)·running + momentum·batch (momentum 0.1 as PyTorch).
/// Eval: normalize with the running mean and variance instead.
public class BatchNorm: NormalizationLayer {
    public let numFeatures: Int
    public let momentum: Double
    /// Running mean `[C]` (starts at 0).
    public let runningMean: Tensor
    /// Running unbiased variance `[C]` (starts at 1).
    public let runningVar: Tensor
    private let allowedRanks: Set<Int>

    init(numFeatures: Int, eps: Double, momentum: Double, affine: Bool, dtype: DType, allowedRanks: Set<Int>) {
        if numFeatures <= 0 { fatalError("\(Self.self): numFeatures must be positive, got \(numFeatures)") }
        self.numFeatures = numFeatures
        self.momentum = momentum
        self.allowedRanks = allowedRanks
        runningMean = Tensor.zeros([numFeatures], dtype: dtype)
        runningVar = Tensor.ones([numFeatures], dtype: dtype)
        super.init(affineShape: [numFeatures], affine: affine, eps: eps, dtype: dtype)
    }

    public override var ownBuffers: [(String, Tensor)] { [("running_mean", runningMean), ("running_var", runningVar)] }

    public override var summary: String { "\(typeName)(\(numFeatures), eps: \(eps), momentum: \(momentum), affine: \(weight != nil))" }

    public override func forward(_ x: Tensor) -> Tensor {
        if !allowedRanks.contains(x.rank) || x.shape[1] != numFeatures {
            fatalError("\(typeName).forward: input shape \(ShapeError.describe(x.shape)) does not have \(numFeatures) channels on axis 1 with rank in \(allowedRanks.sorted())")
        }
        return batchNorm(x, runningMean: runningMean, runningVar: runningVar, weight: weight, bias: bias,
                         training: training, momentum: momentum, eps: eps, op: typeName)
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
public final class LayerNorm: NormalizationLayer {
    public let normalizedShape: [Int]

    public init(_ normalizedShape: [Int], eps: Double = 1e-5, elementwiseAffine: Bool = true, dtype: DType = .float32) {
        if normalizedShape.isEmpty { fatalError("LayerNorm: normalizedShape must not be empty") }
        self.normalizedShape = normalizedShape
        super.init(affineShape: normalizedShape, affine: elementwiseAffine, eps: eps, dtype: dtype)
    }

    public override var summary: String { "LayerNorm(\(normalizedShape), eps: \(eps), affine: \(weight != nil))" }

    public override func forward(_ x: Tensor) -> Tensor {
        layerNorm(x, normalizedShape: normalizedShape, weight: weight, bias: bias, eps: eps, op: "LayerNorm")
    }
}

/// Instance normalization (Ulyanov, Vedaldi & Lempitsky 2016): statistics over H and W for each
/// sample and channel, in training and eval alike. `affine` is false by default, as in PyTorch.
public final class InstanceNorm2d: NormalizationLayer {
    public let numFeatures: Int

    public init(_ numFeatures: Int, eps: Double = 1e-5, affine: Bool = false, dtype: DType = .float32) {
        self.numFeatures = numFeatures
        super.init(affineShape: [numFeatures], affine: affine, eps: eps, dtype: dtype)
    }

    public override var summary: String { "InstanceNorm2d(\(numFeatures), eps: \(eps), affine: \(weight != nil))" }

    public override func forward(_ x: Tensor) -> Tensor {
        if x.rank != 4 || x.shape[1] != numFeatures {
            fatalError("InstanceNorm2d.forward: expected [N, \(numFeatures), H, W], got \(ShapeError.describe(x.shape))")
        }
        return instanceNorm(x, weight: weight, bias: bias, eps: eps, op: "InstanceNorm2d")
    }
}

/// Group normalization (Wu & He 2018): the C channels are split into `numGroups` groups of C/G
/// consecutive channels; statistics over each group and all spatial positions, per sample.
/// G = 1 is LayerNorm over (C, H, W); G = C is InstanceNorm. Affine γ, β per channel.
public final class GroupNorm: NormalizationLayer {
    public let numGroups: Int
    public let numChannels: Int

    public init(_ numGroups: Int, _ numChannels: Int, eps: Double = 1e-5, affine: Bool = true, dtype: DType = .float32) {
        if numGroups <= 0 || numChannels % numGroups != 0 {
            fatalError("GroupNorm: \(numChannels) channels cannot be split into \(numGroups) groups")
        }
        self.numGroups = numGroups
        self.numChannels = numChannels
        super.init(affineShape: [numChannels], affine: affine, eps: eps, dtype: dtype)
    }

    public override var summary: String { "GroupNorm(\(numGroups), \(numChannels), eps: \(eps), affine: \(weight != nil))" }

    public override func forward(_ x: Tensor) -> Tensor {
        if x.rank < 2 || x.shape[1] != numChannels {
            fatalError("GroupNorm.forward: expected [N, \(numChannels), *], got \(ShapeError.describe(x.shape))")
        }
        return groupNorm(x, numGroups: numGroups, weight: weight, bias: bias, eps: eps, op: "GroupNorm")
    }
}
