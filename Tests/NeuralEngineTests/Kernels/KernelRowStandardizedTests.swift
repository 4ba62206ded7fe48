import XCTest
@testable import NeuralEngine

/// The row loops that compute x̂ in registers (`RowKernelsStandardized`) against the stored-x̂ loops they
/// replace (`normalize`, then `sumAndDot` / `normalizationGradient` reading the stored x̂), bit for bit,
/// for row lengths around the 8-lane vector and the 64-element block (tails, one element, 28×28).
final class KernelRowStandardizedTests: XCTestCase {
    static let lengths = [1, 7, 8, 9, 63, 64, 65, 200, 784]

    func testFloatRowsMatchTheStoredXHatLoops() {
        var values = KernelTestValues(seed: 21)
        for n in Self.lengths {
            let x = values.doubles(n).map { Float($0 * 3 + 0.4) }
            let g = values.doubles(n).map { Float($0 < -0.5 ? 0 : $0) }
            let (mean, scale, gamma, beta): (Float, Float, Float, Float) = (0.37, 1.9, -0.8, 0.25)
            var xHat = [Float](repeating: .nan, count: n), y = [Float](repeating: .nan, count: n)
            var yFused = [Float](repeating: .nan, count: n)
            RowKernels.normalize(x, n, mean: mean, scale: scale, gamma: gamma, beta: beta, xHat: &xHat, y: &y)
            RowKernels.normalizeAffine(x, n, mean: mean, scale: scale, gamma: gamma, beta: beta, y: &yFused)
            XCTAssertEqual(yFused.map(\.bitPattern), y.map(\.bitPattern), "y, n = \(n)")

            let stored = RowKernels.sumAndDot(g, xHat, n)
            let fused = RowKernels.sumAndDotStandardized(g, x, n, mean: mean, scale: scale)
            XCTAssertEqual(fused.0.bitPattern, stored.0.bitPattern, "Σ g, n = \(n)")
            XCTAssertEqual(fused.1.bitPattern, stored.1.bitPattern, "Σ g·x̂, n = \(n)")

            var dx = [Float](repeating: .nan, count: n), dxFused = [Float](repeating: .nan, count: n)
            let (meanG, meanGH) = (Float(stored.0 / Double(n)), Float(stored.1 / Double(n)))
            RowKernels.normalizationGradient(g, xHat: xHat, n, gamma: gamma, scale: scale, meanG: meanG, meanGH: meanGH, into: &dx)
            RowKernels.normalizationGradientStandardized(g, x: x, n, mean: mean, gamma: gamma, scale: scale,
                                                         meanG: meanG, meanGH: meanGH, into: &dxFused)
            XCTAssertEqual(dxFused.map(\.bitPattern), dx.map(\.bitPattern), "∂L/∂x, n = \(n)")
        }
    }
}
