/// Inverted dropout (Srivastava et al. 2014): in training, each element is zeroed with probability
/// `p` and the survivors are scaled by 1/(1 − p), so E[output] = input and eval needs no rescaling.
/// In eval mode it is the identity.
public final class Dropout: Module {
    /// Probability of zeroing an element.
    public let p: Double
    private let generator: RandomGenerator

    public init(_ p: Double = 0.5, generator: RandomGenerator = .global) {
        if !(0...1).contains(p) { fatalError("Dropout: p must be in [0, 1], got \(p)") }
        self.p = p
        self.generator = generator
        super.init()
    }

    public override var summary: String { "Dropout(p: \(p))" }

    public override func forward(_ x: Tensor) -> Tensor {
        if !training || p == 0 { return x }
        if p == 1 { return x * 0 }
        let mask = Tensor.bernoulli(x.shape, p: 1 - p, dtype: x.dtype, generator: generator)
        return x * (mask * (1 / (1 - p)))
    }
}
