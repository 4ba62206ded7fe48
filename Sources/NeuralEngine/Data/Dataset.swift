/// A supervised data set held in memory: features `[N, ...]` with either class labels (classification)
/// or a target tensor `[N, ...]` (regression).
public struct Dataset {
    /// Inputs, first axis = examples.
    public let features: Tensor
    /// Class indices 0..<classes, one per example (classification), or nil.
    public let labels: [Int]?
    /// Regression targets, first axis = examples, or nil.
    public let targets: Tensor?
    /// Optional class names, index = label.
    public var classNames: [String]?

    /// A classification data set.
    public init(features: Tensor, labels: [Int], classNames: [String]? = nil) {
        if features.rank == 0 || features.shape[0] != labels.count {
            fatalError("Dataset: features \(ShapeError.describe(features.shape)) and \(labels.count) labels differ in length")
        }
        self.features = features
        self.labels = labels
        self.targets = nil
        self.classNames = classNames
    }

    /// A regression data set.
    public init(features: Tensor, targets: Tensor) {
        if features.rank == 0 || targets.rank == 0 || features.shape[0] != targets.shape[0] {
            ShapeError.mismatch("Dataset", features.shape, targets.shape, detail: "first axes must match")
        }
        self.features = features
        self.labels = nil
        self.targets = targets
        self.classNames = nil
    }

    /// Number of examples.
    public var count: Int { features.shape[0] }

    /// Number of classes (max label + 1), or 0 for regression data.
    public var classCount: Int { classNames?.count ?? ((labels?.max() ?? -1) + 1) }

    /// The examples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        var out: Dataset
        if let labels {
            out = Dataset(features: features.gather(rows: indices), labels: indices.map { labels[$0] })
        } else {
            out = Dataset(features: features.gather(rows: indices), targets: targets!.gather(rows: indices))
        }
        out.classNames = classNames
        return out
    }

    /// The same examples with other features (e.g. standardized), keeping labels or targets.
    public func withFeatures(_ newFeatures: Tensor) -> Dataset {
        if newFeatures.shape.first != count {
            ShapeError.mismatch("Dataset.withFeatures", newFeatures.shape, features.shape, detail: "first axes must match")
        }
        if let labels { return Dataset(features: newFeatures, labels: labels, classNames: classNames) }
        return Dataset(features: newFeatures, targets: targets!)
    }

    /// Shuffles the examples with `generator`, then cuts them into train / validation / test parts
    /// of the given fractions (which must add up to 1; the test part takes the rounding remainder).
    public func split(train: Double, validation: Double, test: Double = 0,
                      generator: RandomGenerator = .global) -> DatasetSplits {
        if train < 0 || validation < 0 || test < 0 || Swift.abs(train + validation + test - 1) > 1e-9 {
            fatalError("Dataset.split: fractions \(train), \(validation), \(test) must be >= 0 and add up to 1")
        }
        let order = generator.shuffled(count)
        let nTrain = Int((train * Double(count)).rounded())
        let nValidation = test == 0 ? count - nTrain : Int((validation * Double(count)).rounded())
        let cut = Swift.min(count, nTrain + nValidation)
        return DatasetSplits(train: subset(Array(order[0..<nTrain])),
                             validation: subset(Array(order[nTrain..<cut])),
                             test: subset(Array(order[cut..<count])))
    }
}

/// The result of ``Dataset/split(train:validation:test:generator:)``.
public struct DatasetSplits {
    public let train: Dataset
    public let validation: Dataset
    public let test: Dataset
}
