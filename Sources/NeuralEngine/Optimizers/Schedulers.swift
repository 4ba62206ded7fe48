import Foundation

/// A learning-rate schedule: call ``step()`` once per epoch (after the optimizer steps), as in PyTorch.
public protocol LRScheduler: AnyObject {
    /// Advances one epoch and sets the optimizer's learning rate.
    func step()
    /// The learning rate for the current epoch.
    var currentLearningRate: Double { get }
}

/// Multiplies the learning rate by `gamma` every `stepSize` epochs: lr = lr₀ · γ^⌊epoch / stepSize⌋.
public final class StepLR: LRScheduler {
    public let optimizer: Optimizer
    public let stepSize: Int
    public let gamma: Double
    public let baseLearningRate: Double
    public private(set) var epoch = 0

    public init(_ optimizer: Optimizer, stepSize: Int, gamma: Double = 0.1) {
        if stepSize <= 0 { fatalError("StepLR: stepSize must be positive, got \(stepSize)") }
        self.optimizer = optimizer
        self.stepSize = stepSize
        self.gamma = gamma
        self.baseLearningRate = optimizer.learningRate
    }

    public var currentLearningRate: Double { baseLearningRate * pow(gamma, Double(epoch / stepSize)) }

    public func step() {
        epoch += 1
        optimizer.learningRate = currentLearningRate
    }
}

/// Cosine annealing (Loshchilov & Hutter 2017, without restarts):
/// lr = η_min + (lr₀ − η_min) · (1 + cos(π · t / T_max)) / 2, held at η_min after T_max.
public final class CosineAnnealingLR: LRScheduler {
    public let optimizer: Optimizer
    public let tMax: Int
    public let etaMin: Double
    public let baseLearningRate: Double
    public private(set) var epoch = 0

    public init(_ optimizer: Optimizer, tMax: Int, etaMin: Double = 0) {
        if tMax <= 0 { fatalError("CosineAnnealingLR: tMax must be positive, got \(tMax)") }
        self.optimizer = optimizer
        self.tMax = tMax
        self.etaMin = etaMin
        self.baseLearningRate = optimizer.learningRate
    }

    public var currentLearningRate: Double {
        let t = Double(Swift.min(epoch, tMax))
        return etaMin + (baseLearningRate - etaMin) * (1 + cos(Double.pi * t / Double(tMax))) / 2
    }

    public func step() {
        epoch += 1
        optimizer.learningRate = currentLearningRate
    }
}
