/// One-hot encoding: row i has a 1 in column `labels[i]` and 0 elsewhere; shape `[N, classes]`.
public func oneHot(_ labels: [Int], classes: Int, dtype: DType = .float32) -> Tensor {
    var values = [Double](repeating: 0, count: labels.count * classes)
    for (i, label) in labels.enumerated() {
        if label < 0 || label >= classes { fatalError("oneHot: label \(label) at row \(i) is outside 0..<\(classes)") }
        values[i * classes + label] = 1
    }
    return Tensor(values, shape: [labels.count, classes], dtype: dtype)
}
