import NeuralEngine

/// `cnn-fmnist-step`: one SGD step (lr 0.05, momentum 0.9, cross-entropy) of the Fashion-MNIST-shaped CNN
/// of the engine issue, float32, input [128, 1, 28, 28] (seeded N(0, 1) values, labels i mod 10):
///
///     Conv2d(1, 32, 3, pad 1) → BatchNorm2d → ReLU → MaxPool2d(2)
///     → Conv2d(32, 64, 3, pad 1) → BatchNorm2d → ReLU → MaxPool2d(2) → Flatten → Linear(64·7·7, 10)
///
/// About 2.9 GFLOP per step (see `flops`); most of the rest is moving activations, which `--phases` shows.
enum CNNFashionStepWorkload {
    static let name = "cnn-fmnist-step"
    static let batch = 128

    static func makeStep() -> SequentialStep {
        let generator = RandomGenerator(seed: 6)
        let model = Sequential(
            Conv2d(1, 32, kernelSize: 3, padding: 1, generator: generator), BatchNorm2d(32), ReLU(), MaxPool2d(2),
            Conv2d(32, 64, kernelSize: 3, padding: 1, generator: generator), BatchNorm2d(64), ReLU(), MaxPool2d(2),
            Flatten(), Linear(64 * 7 * 7, 10, generator: generator))
        return SequentialStep(model: model, input: Tensor.randn([batch, 1, 28, 28], generator: generator),
                              labels: (0..<batch).map { $0 % 10 })
    }

    static func make() -> Workload {
        Workload(name: name, summary: "Fashion-MNIST CNN, one training step on [128,1,28,28]", warmups: 3, repetitions: 21,
                 flops: makeStep().stepFlops, phases: { makeStep() }) {
            let step = makeStep()
            return { step.run() }
        }
    }
}
