/// Classification metrics computed inside the engine (fast even when chapters compile without optimization).

/// The predicted class of each row of `logits` `[N, C]` (index of the largest score; first on ties).
public func predictions(_ logits: Tensor) -> [Int] {
    if logits.rank != 2 { fatalError("predictions: logits must be [N, C], got \(ShapeError.describe(logits.shape))") }
    return logits.argmax(axis: 1)
}

/// Fraction of rows whose largest logit is at the true label: (1/N) Σ [argmax zᵢ = yᵢ].
public func accuracy(_ logits: Tensor, _ labels: [Int]) -> Double {
    let predicted = predictions(logits)
    if predicted.count != labels.count {
        fatalError("accuracy: \(predicted.count) rows of logits but \(labels.count) labels")
    }
    if labels.isEmpty { return 0 }
    var correct = 0
    for i in 0..<labels.count where predicted[i] == labels[i] { correct += 1 }
    return Double(correct) / Double(labels.count)
}

/// Confusion matrix `m[true][predicted]` counting examples (rows: true class, columns: predicted
/// class, as scikit-learn's `confusion_matrix`).
public func confusionMatrix(predictions: [Int], labels: [Int], classes: Int) -> [[Int]] {
    if predictions.count != labels.count {
        fatalError("confusionMatrix: \(predictions.count) predictions but \(labels.count) labels")
    }
    var matrix = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
    for (p, y) in zip(predictions, labels) {
        if p < 0 || p >= classes || y < 0 || y >= classes {
            fatalError("confusionMatrix: class index (predicted \(p), true \(y)) outside 0..<\(classes)")
        }
        matrix[y][p] += 1
    }
    return matrix
}
