import NeuralEngine

/// `cnn-bn-step` / `cnn-gn-step`: one SGD step (lr 0.05, momentum 0.9, cross-entropy) of
/// Conv2d(1,16,3,pad 1) → norm → ReLU → Conv2d(16,32,3,pad 1) → norm → ReLU → global average pool →
/// Linear(32, 10) on input [32, 1, 8, 8], norm = BatchNorm2d or GroupNorm(8 groups).
enum CNNStepWorkload {
    enum Norm { case batch, group }

    static func makeStep(norm: Norm) -> SequentialStep {
        let generator = RandomGenerator(seed: 5)
        func normLayer(_ channels: Int) -> Module {
            norm == .batch ? BatchNorm2d(channels) : GroupNorm(8, channels)
        }
        let model = Sequential(
            Conv2d(1, 16, kernelSize: 3, padding: 1, generator: generator), normLayer(16), ReLU(),
            Conv2d(16, 32, kernelSize: 3, padding: 1, generator: generator), normLayer(32), ReLU(),
            GlobalAvgPool2d(), Linear(32, 10, generator: generator))
        return SequentialStep(model: model, input: Tensor.randn([32, 1, 8, 8], generator: generator),
                              labels: (0..<32).map { $0 % 10 })
    }

    static func make(norm: Norm) -> Workload {
        let name = norm == .batch ? "cnn-bn-step" : "cnn-gn-step"
        return Workload(name: name, summary: "small CNN, one training step on [32,1,8,8]", warmups: 20, repetitions: 101,
                        phases: { makeStep(norm: norm) }) {
            let step = makeStep(norm: norm)
            return { step.run() }
        }
    }
}
