/// Stochastic gradient descent with optional momentum (Polyak 1964; Sutskever et al. 2013 for
/// Nesterov) and L2 weight decay, with exactly PyTorch's update (see ``UpdateRules/sgd``).
public final class SGD: Optimizer {
    public var momentum: Double
    public var dampening: Double
    public var nesterov: Bool
    public var weightDecay: Double

    public init(_ parameters: [Tensor], learningRate: Double, momentum: Double = 0, dampening: Double = 0,
                nesterov: Bool = false, weightDecay: Double = 0) {
        if nesterov && (momentum <= 0 || dampening != 0) {
            fatalError("SGD: Nesterov momentum requires momentum > 0 and zero dampening (momentum \(momentum), dampening \(dampening))")
        }
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
        super.init(parameters, learningRate: learningRate)
    }

    public override func applySingle(index: Int, parameter p: Tensor, gradient g: Tensor) {
        if momentum == 0 {
            switch p.dtype {
            case .float32: UpdateRules.sgd(&p.f32, g.f32, lr: Float(learningRate), weightDecay: Float(weightDecay))
            case .float64: UpdateRules.sgd(&p.f64, g.f64, lr: learningRate, weightDecay: weightDecay)
            }
            return
        }
        let (buffers, isNew) = state(index, count: 1, like: p)
        let b = buffers[0]
        switch p.dtype {
        case .float32:
            UpdateRules.sgd(&p.f32, g.f32, &b.f32, lr: Float(learningRate), momentum: Float(momentum),
                            dampening: Float(dampening), nesterov: nesterov, weightDecay: Float(weightDecay), firstStep: isNew)
        case .float64:
            UpdateRules.sgd(&p.f64, g.f64, &b.f64, lr: learningRate, momentum: momentum,
                            dampening: dampening, nesterov: nesterov, weightDecay: weightDecay, firstStep: isNew)
        }
    }
}
