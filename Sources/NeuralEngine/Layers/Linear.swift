/// A fully connected layer: y = x·Wᵀ + b, with W of shape `[outFeatures, inFeatures]` (PyTorch's layout);
/// it holds W and b and calls ``linear(_:weight:bias:)``.
///
/// Default initialization is PyTorch's: W ~ U(−1/√in, 1/√in) (Kaiming uniform with a = √5) and
/// b ~ U(−1/√in, 1/√in). Input `[..., in]`, output `[..., out]`.
public final class Linear: Module {
    /// Weight `[out, in]`.
    public let weight: Tensor
    /// Bias `[out]`, or nil when built with `bias: false`.
    public let bias: Tensor?
    public let inFeatures: Int
    public let outFeatures: Int

    /// - Parameters:
    ///   - weightInit: how to fill W (``Initializer/pytorchDefault`` by default).
    ///   - biasInit: how to fill b; nil means PyTorch's U(−1/√in, 1/√in).
    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true,
                weightInit: Initializer = .pytorchDefault, biasInit: Initializer? = nil,
                dtype: DType = .float32, generator: RandomGenerator = .global) {
        if inFeatures <= 0 || outFeatures <= 0 {
            fatalError("Linear: feature counts must be positive, got (\(inFeatures), \(outFeatures))")
        }
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        weight = weightInit.make([outFeatures, inFeatures], dtype: dtype, generator: generator).requiringGrad()
        weight.name = "weight"
        if bias {
            let bound = 1 / Double(inFeatures).squareRoot()
            let b = (biasInit ?? .uniform(-bound, bound)).make([outFeatures], dtype: dtype, generator: generator)
            b.name = "bias"
            self.bias = b.requiringGrad()
        } else {
            self.bias = nil
        }
        super.init()
    }

    public override var ownParameters: [(String, Tensor)] {
        if let bias { return [("weight", weight), ("bias", bias)] }
        return [("weight", weight)]
    }

    public override var summary: String { "Linear(\(inFeatures), \(outFeatures), bias: \(bias != nil))" }

    public override func forward(_ x: Tensor) -> Tensor {
        if x.shape.last != inFeatures {
            ShapeError.mismatch("Linear.forward", x.shape, weight.shape, detail: "input features \(x.shape.last ?? 0) != \(inFeatures)")
        }
        return linear(x, weight: weight, bias: bias)
    }
}
