/// Anomaly mode: when on, the first operation (forward or backward) whose result contains NaN or ±Inf
/// traps with the operation's name and its shapes, instead of letting the NaN spread silently
/// (as `torch.autograd.set_detect_anomaly`).
public enum Anomaly {
    /// Switches detection on or off (off by default: the check reads every result).
    nonisolated(unsafe) public static var detection = false

    /// The message printed when `op` produced a non-finite value.
    public static func message(op: String, inputShapes: [[Int]], outputShape: [Int], value: Double, index: Int,
                               phase: String = "forward") -> String {
        let inputs = inputShapes.map(ShapeError.describe).joined(separator: ", ")
        return "Anomaly: \(op) (\(phase)) produced \(value) at flat index \(index) of output \(ShapeError.describe(outputShape)); input shapes \(inputs)"
    }

    /// The first non-finite element of `t`, if any.
    static func firstNonFinite(_ t: Tensor) -> (index: Int, value: Double)? {
        switch t.dtype {
        case .float32:
            for (i, v) in t.f32.enumerated() where !v.isFinite { return (i, Double(v)) }
        case .float64:
            for (i, v) in t.f64.enumerated() where !v.isFinite { return (i, v) }
        }
        return nil
    }

    /// Traps if detection is on and `output` of `op` has a non-finite element.
    static func check(op: String, inputs: [Tensor], output: Tensor, phase: String = "forward") {
        guard detection, let bad = firstNonFinite(output) else { return }
        var text = message(op: op, inputShapes: inputs.map(\.shape), outputShape: output.shape,
                           value: bad.value, index: bad.index, phase: phase)
        let names = inputs.compactMap(\.name)
        if !names.isEmpty { text += "; named inputs: " + names.joined(separator: ", ") }
        if let bad = inputs.first(where: { firstNonFinite($0) != nil }) {
            text += "; an input was already non-finite (\(bad.name ?? "unnamed") \(ShapeError.describe(bad.shape)))"
        }
        fatalError(text)
    }
}

/// Runs `body` with anomaly detection on, restoring the previous setting afterwards.
public func withAnomalyDetection<T>(_ body: () throws -> T) rethrows -> T {
    let previous = Anomaly.detection
    Anomaly.detection = true
    defer { Anomaly.detection = previous }
    return try body()
}
