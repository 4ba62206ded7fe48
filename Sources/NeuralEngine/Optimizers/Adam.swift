/// Adam (Kingma & Ba 2015): per-parameter step sizes from running first and second moments of the
/// gradient, bias-corrected. `weightDecay` adds λ·p to the gradient (L2, as `torch.optim.Adam`).
public class Adam: Optimizer {
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var weightDecay: Double
    /// Decoupled decay rate (AdamW); 0 for Adam.
    var decoupledDecay: Double = 0

    public init(_ parameters: [Tensor], learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
                eps: Double = 1e-8, weightDecay: Double = 0) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        super.init(parameters, learningRate: learningRate)
    }

    public override func applySingle(index: Int, parameter p: Tensor, gradient g: Tensor) {
        let moments = state(index, count: 2, like: p).tensors
        let m = moments[0], v = moments[1]
        switch p.dtype {
        case .float32:
            UpdateRules.adam(&p.f32, g.f32, &m.f32, &v.f32, lr: Float(learningRate), beta1: Float(beta1), beta2: Float(beta2),
                             eps: Float(eps), weightDecay: Float(weightDecay), decoupledDecay: Float(decoupledDecay), step: stepCount)
        case .float64:
            UpdateRules.adam(&p.f64, g.f64, &m.f64, &v.f64, lr: learningRate, beta1: beta1, beta2: beta2,
                             eps: eps, weightDecay: weightDecay, decoupledDecay: decoupledDecay, step: stepCount)
        }
    }
}

/// AdamW (Loshchilov & Hutter 2019): Adam with *decoupled* weight decay p ← p·(1 − lr·λ) applied
/// directly to the weights instead of through the gradient, so decay is not rescaled by √v.
/// Default λ = 0.01 as in PyTorch.
public final class AdamW: Adam {
    public override init(_ parameters: [Tensor], learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
                eps: Double = 1e-8, weightDecay: Double = 0.01) {
        super.init(parameters, learningRate: learningRate, beta1: beta1, beta2: beta2, eps: eps, weightDecay: 0)
        decoupledDecay = weightDecay
    }

    /// The decoupled decay rate λ.
    public var decoupledWeightDecay: Double {
        get { decoupledDecay }
        set { decoupledDecay = newValue }
    }
}
