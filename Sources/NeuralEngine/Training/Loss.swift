/// A training objective for ``fit(_:optimizer:loss:train:validation:epochs:earlyStopping:scheduler:progress:onEpoch:)``:
/// maps the model output and the batch to a scalar loss tensor.
public struct Loss {
    /// Short name shown in reports ("cross-entropy").
    public let name: String
    /// The loss of `output` for `batch`.
    public let compute: (Tensor, Batch) -> Tensor
    /// Whether accuracy (argmax of the output against labels) is meaningful.
    public let reportsAccuracy: Bool

    public init(name: String, reportsAccuracy: Bool = false, _ compute: @escaping (Tensor, Batch) -> Tensor) {
        self.name = name
        self.compute = compute
        self.reportsAccuracy = reportsAccuracy
    }

    /// ``crossEntropy(logits:labels:)`` against the batch labels; accuracy reported.
    public static var crossEntropy: Loss { Loss(name: "cross-entropy", reportsAccuracy: true) { output, batch in
        guard let labels = batch.labels else { fatalError("Loss.crossEntropy: the data set has no labels") }
        return NeuralEngine.crossEntropy(logits: output, labels: labels)
    } }

    /// ``mseLoss(_:_:)`` against the batch targets.
    public static var mse: Loss { Loss(name: "mse") { output, batch in
        guard let targets = batch.targets else { fatalError("Loss.mse: the data set has no targets") }
        return mseLoss(output, targets.to(output.dtype))
    } }

    /// ``binaryCrossEntropy(logits:targets:)`` of a `[N, 1]` output against labels 0/1 (or targets).
    public static var binaryCrossEntropy: Loss { Loss(name: "binary cross-entropy") { output, batch in
        let targets = batch.targets ?? Tensor(batch.labels!.map(Double.init), shape: output.shape, dtype: output.dtype)
        return NeuralEngine.binaryCrossEntropy(logits: output, targets: targets.to(output.dtype))
    } }

    /// This loss plus `lambda` times a penalty of the model parameters (e.g. `l2Penalty`).
    public func adding(_ lambda: Double, _ penalty: @escaping () -> Tensor) -> Loss {
        Loss(name: "\(name) + \(lambda)·penalty", reportsAccuracy: reportsAccuracy) { output, batch in
            self.compute(output, batch) + penalty() * lambda
        }
    }
}
