import Foundation
import NeuralEngine

/// `mlp-train-epoch`: MLP 64-256-256-10 with ReLU, cross-entropy, SGD (lr 0.05, momentum 0.9),
/// 28 steps of batch 64 over rows 0..<1792 in order. Inputs are the UCI digits [1797, 64] when the data
/// folder is found, otherwise seeded N(0, 1) values of the same shape with labels i mod 10.
enum MLPTrainWorkload {
    static let batchSize = 64
    static let steps = 28

    static func make() -> Workload {
        Workload(name: "mlp-train-epoch", summary: "MLP 64-256-256-10, SGD momentum, 28 steps of 64",
                 warmups: 3, repetitions: 15) {
            let trainer = Trainer(data: digitsOrRandom())
            return { trainer.run(steps: steps) }
        }
    }

    /// Digits features and labels, or a seeded stand-in of the same shape.
    static func digitsOrRandom() -> (features: Tensor, labels: [Int]) {
        if let digits = try? Datasets.digits(), let labels = digits.labels {
            return (digits.features, labels)
        }
        FileHandle.standardError.write(Data("mlp-train: digits data not found, using seeded random inputs\n".utf8))
        return (Tensor.randn([1797, 64], generator: RandomGenerator(seed: 3)), (0..<1797).map { $0 % 10 })
    }

    /// The model, its optimiser and the data; `run` trains `steps` batches in order (wrapping around).
    final class Trainer {
        let features: Tensor
        let labels: [Int]
        let model: Sequential
        let optimizer: SGD
        var nextBatch = 0

        init(data: (features: Tensor, labels: [Int])) {
            features = data.features
            labels = data.labels
            let generator = RandomGenerator(seed: 4)
            model = Sequential(Linear(64, 256, generator: generator), ReLU(),
                               Linear(256, 256, generator: generator), ReLU(),
                               Linear(256, 10, generator: generator))
            optimizer = SGD(model.parameters(), learningRate: 0.05, momentum: 0.9)
        }

        func run(steps: Int) {
            for _ in 0..<steps {
                let start = nextBatch * MLPTrainWorkload.batchSize
                let rows = start..<(start + MLPTrainWorkload.batchSize)
                nextBatch = (nextBatch + 1) % MLPTrainWorkload.steps
                optimizer.zeroGrad()
                let loss = crossEntropy(logits: model(features[rows]), labels: Array(labels[rows]))
                loss.backward()
                optimizer.step()
            }
        }
    }
}
