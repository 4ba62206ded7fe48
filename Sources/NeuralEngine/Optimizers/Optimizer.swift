/// Base class of the optimizers: walks the parameter list and hands each (parameter, gradient) pair
/// to ``applySingle(index:parameter:gradient:)``, where subclasses keep only the update math
/// (mlx-swift's `applySingle` split). Updates are in place, so modules and optimizers share parameters.
///
/// ```swift
/// let optimizer = SGD(model.parameters(), learningRate: 0.1, momentum: 0.9)
/// optimizer.zeroGrad(); loss.backward(); optimizer.step()
/// ```
open class Optimizer {
    /// The parameters updated by ``step()``, in order.
    public let parameters: [Tensor]
    /// Current learning rate (schedulers set it; you may too).
    public var learningRate: Double
    /// Number of completed ``step()`` calls.
    public private(set) var stepCount = 0
    /// Per-parameter state tensors (momentum buffers, moments), created lazily.
    private var slots: [[Tensor]]

    public init(_ parameters: [Tensor], learningRate: Double) {
        if learningRate < 0 { fatalError("\(Self.self): learning rate must be >= 0, got \(learningRate)") }
        self.parameters = parameters
        self.learningRate = learningRate
        self.slots = Array(repeating: [], count: parameters.count)
    }

    /// Applies one update to every parameter that has a gradient (parameters without one are skipped,
    /// as in PyTorch).
    public func step() {
        stepCount += 1
        for (index, parameter) in parameters.enumerated() {
            guard let gradient = parameter.grad else { continue }
            if gradient.shape != parameter.shape || gradient.dtype != parameter.dtype {
                fatalError("\(Self.self).step: gradient \(ShapeError.describe(gradient.shape)) \(gradient.dtype) does not match parameter \(ShapeError.describe(parameter.shape)) \(parameter.dtype)")
            }
            applySingle(index: index, parameter: parameter, gradient: gradient)
        }
    }

    /// Drops the gradients of all parameters (set to nil, as PyTorch's default).
    public func zeroGrad() {
        for p in parameters { p.grad = nil }
    }

    /// The update math for one parameter; subclasses override it. `index` identifies the parameter's state.
    open func applySingle(index: Int, parameter: Tensor, gradient: Tensor) {
        fatalError("\(Self.self).applySingle is not implemented")
    }

    /// `count` state tensors for parameter `index`, zero-filled with the parameter's shape and dtype on first use.
    /// `isNew` tells whether they were just created (PyTorch initialises the momentum buffer with the first gradient).
    public func state(_ index: Int, count: Int, like parameter: Tensor) -> (tensors: [Tensor], isNew: Bool) {
        if slots[index].count == count { return (slots[index], false) }
        slots[index] = (0..<count).map { _ in Tensor.zeros(parameter.shape, dtype: parameter.dtype) }
        return (slots[index], true)
    }
}
