import Foundation

/// The smallest of 1, 2, 5, 10, 20, 50, ... that is at least `ratio`: label every k-th of many
/// categories so the labelled ones are round positions.
func niceStride(atLeast ratio: Double) -> Int {
    guard ratio > 1, ratio.isFinite else { return 1 }
    var scale = 1
    while true {
        for multiple in [1, 2, 5] where Double(multiple * scale) >= ratio { return multiple * scale }
        scale *= 10
    }
}

/// Which labels to print when only every k-th fits (`needed` = label extent / cell size):
/// k is 1, 2, 5, 10, ... For numeric, evenly spaced labels ("-1.00", "-0.95", ...) k is chosen
/// so the printed values are multiples of a round step (1, 2, 2.5 or 5 times a power of ten)
/// and `phase` picks the labels that are, so zero is printed when present.
func labelStride(_ labels: [String], needed: Double) -> (stride: Int, phase: Int) {
    guard needed > 1 else { return (1, 0) }
    let numbers = labels.map { Double($0.replacingOccurrences(of: "\u{2212}", with: "-")) }
    if labels.count >= 3, numbers.allSatisfy({ $0 != nil }) {
        let values = numbers.map { $0! }
        let spacing = values[1] - values[0]
        let even = spacing != 0 && zip(values.dropFirst(), values).allSatisfy {
            abs(($0 - $1) - spacing) <= abs(spacing) * 1e-6
        }
        if even {
            let minimum = Int(needed.rounded(.up))
            for stride in minimum...Swift.max(minimum, labels.count) {
                let step = abs(spacing) * Double(stride)
                let exponent = floor(log10(step))
                let mantissa = step / pow(10, exponent)
                guard [1, 2, 2.5, 5, 10].contains(where: { abs($0 - mantissa) < 1e-6 }) else { continue }
                // The first label that is a multiple of the step.
                for phase in 0..<stride {
                    let ratio = values[phase] / step
                    if abs(ratio - ratio.rounded()) < 1e-6 { return (stride, phase) }
                }
            }
        }
    }
    return (niceStride(atLeast: needed), 0)
}
