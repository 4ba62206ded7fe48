/// Trains `model` for up to `epochs` passes over `train` and returns the per-epoch ``History``.
///
/// Each epoch: training mode; for every batch, zero gradients, forward, loss, backward, optimizer
/// step. Then, with `validation`, the model is evaluated in eval mode without recording a graph.
/// `scheduler` steps once per epoch. With `earlyStopping`, training ends after `patience` epochs
/// without improvement of the monitored loss and (by default) the best weights are restored in place.
/// `progress(epoch, epochs)` is called after every epoch (the book runtime reports it).
@discardableResult
public func fit(_ model: Module, optimizer: Optimizer, loss: Loss = .crossEntropy, train: DataLoader,
                validation: Dataset? = nil, epochs: Int, earlyStopping: EarlyStopping? = nil,
                scheduler: LRScheduler? = nil, progress: ((Int, Int) -> Void)? = nil,
                onEpoch: ((EpochRecord) -> Void)? = nil) -> History {
    var history = History()
    var bestLoss = Double.infinity
    var bestState: [String: Tensor]?
    var epochsWithoutImprovement = 0

    for epoch in stride(from: 1, through: epochs, by: 1) {
        model.train()
        let learningRate = optimizer.learningRate
        var lossSum = 0.0, seen = 0, correct = 0
        for batch in train {
            optimizer.zeroGrad()
            let output = model(batch.features)
            let value = loss.compute(output, batch)
            value.backward()
            optimizer.step()
            lossSum += value.item() * Double(batch.count)
            seen += batch.count
            if loss.reportsAccuracy, let labels = batch.labels {
                correct += zip(predictions(output), labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
            }
        }
        scheduler?.step()
        let trainLoss = seen > 0 ? lossSum / Double(seen) : .nan
        let trainAccuracy = loss.reportsAccuracy && seen > 0 ? Double(correct) / Double(seen) : nil
        var validationLoss: Double?, validationAccuracy: Double?
        if let validation {
            let result = evaluate(model, on: validation, loss: loss)
            validationLoss = result.loss
            validationAccuracy = result.accuracy
        }
        let record = EpochRecord(epoch: epoch, trainLoss: trainLoss, trainAccuracy: trainAccuracy,
                                 validationLoss: validationLoss, validationAccuracy: validationAccuracy,
                                 learningRate: learningRate)
        history.epochs.append(record)
        history.stoppedEpoch = epoch
        onEpoch?(record)
        progress?(epoch, epochs)

        let monitored = validationLoss ?? trainLoss
        if monitored < bestLoss - (earlyStopping?.minDelta ?? 0) {
            bestLoss = monitored
            history.bestEpoch = epoch
            epochsWithoutImprovement = 0
            if earlyStopping?.restoreBest == true { bestState = model.stateDict() }
        } else {
            epochsWithoutImprovement += 1
            if let stopping = earlyStopping, epochsWithoutImprovement >= stopping.patience {
                history.stoppedEarly = epoch < epochs
                break
            }
        }
    }
    if let bestState, history.bestEpoch != history.stoppedEpoch {
        model.loadStateDict(bestState)
        history.restoredBest = true
    }
    model.train()
    return history
}

/// Loss and (for classification losses) accuracy of `model` on `dataset`, in eval mode and without
/// recording a graph; evaluated in chunks of `batchSize` rows and averaged by row count. The model's
/// previous mode is restored.
public func evaluate(_ model: Module, on dataset: Dataset, loss: Loss = .crossEntropy, batchSize: Int = 1024) -> (loss: Double, accuracy: Double?) {
    let wasTraining = model.training
    model.eval()
    defer { model.train(wasTraining) }
    return noGrad {
        var lossSum = 0.0, correct = 0
        for batch in DataLoader(dataset, batchSize: batchSize) {
            let output = model(batch.features)
            lossSum += loss.compute(output, batch).item() * Double(batch.count)
            if loss.reportsAccuracy, let labels = batch.labels {
                correct += zip(predictions(output), labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
            }
        }
        let n = Double(Swift.max(dataset.count, 1))
        return (lossSum / n, loss.reportsAccuracy && dataset.labels != nil ? Double(correct) / n : nil)
    }
}
