/// What one epoch of ``fit(_:optimizer:loss:train:validation:epochs:earlyStopping:scheduler:progress:onEpoch:)`` measured.
public struct EpochRecord: Sendable {
    /// 1-based epoch number.
    public let epoch: Int
    /// Mean training loss over the epoch's batches (weighted by batch size), measured during training.
    public let trainLoss: Double
    /// Training accuracy over the epoch's batches, when the loss reports accuracy.
    public let trainAccuracy: Double?
    /// Loss on the validation set after the epoch (eval mode), if any.
    public let validationLoss: Double?
    /// Accuracy on the validation set after the epoch, if any.
    public let validationAccuracy: Double?
    /// Learning rate used during the epoch.
    public let learningRate: Double
}

/// The per-epoch record of a training run.
public struct History: Sendable {
    /// One record per completed epoch.
    public internal(set) var epochs: [EpochRecord] = []
    /// Epoch with the lowest monitored loss (validation loss if available, else training loss).
    public internal(set) var bestEpoch: Int = 0
    /// Last epoch run (earlier than requested when early stopping triggered).
    public internal(set) var stoppedEpoch: Int = 0
    /// True when early stopping ended training before the requested number of epochs.
    public internal(set) var stoppedEarly = false
    /// True when the weights of ``bestEpoch`` were restored at the end.
    public internal(set) var restoredBest = false

    public var trainLoss: [Double] { epochs.map(\.trainLoss) }
    public var trainAccuracy: [Double] { epochs.compactMap(\.trainAccuracy) }
    public var validationLoss: [Double] { epochs.compactMap(\.validationLoss) }
    public var validationAccuracy: [Double] { epochs.compactMap(\.validationAccuracy) }
    /// The last epoch's record.
    public var last: EpochRecord? { epochs.last }
}

/// Stop when the monitored loss (validation loss, else training loss) has not improved by more than
/// `minDelta` for `patience` epochs; optionally restore the weights of the best epoch
/// (Prechelt 1998, "Early Stopping — But When?").
public struct EarlyStopping: Sendable {
    public let patience: Int
    public let minDelta: Double
    public let restoreBest: Bool

    public init(patience: Int, minDelta: Double = 0, restoreBest: Bool = true) {
        if patience < 1 { fatalError("EarlyStopping: patience must be >= 1, got \(patience)") }
        self.patience = patience
        self.minDelta = minDelta
        self.restoreBest = restoreBest
    }
}
