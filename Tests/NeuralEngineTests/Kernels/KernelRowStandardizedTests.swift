import XCTest
@testable import NeuralEngine

/// The row loops that compute x̂ in registers (`RowKernelsStandardized`) against the stored-x̂ loops they
/// replace (`normalize`, then `sumAndDot` / `normalizationGradient` reading the stored x̂), and the
/// four-row loops (`RowKernelsInterleaved`) against the one-row loops, bit for bit, for row lengths
/// around the 8-lane vector and the 64-element block (tails, one element, 28×28).
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

    func testFourRowLoopsMatchTheOneRowLoops() {
        var values = KernelTestValues(seed: 23)
        for n in Self.lengths {
            let x = (0..<4).map { _ in values.doubles(n).map { Float($0 * 3 + 0.4) } }
            let g = (0..<4).map { _ in values.doubles(n).map { Float($0 < -0.5 ? 0 : $0) } }
            let (mean, scale): (Float, Float) = (0.37, 1.9)
            x[0].withUnsafeBufferPointer { x0 in x[1].withUnsafeBufferPointer { x1 in
                x[2].withUnsafeBufferPointer { x2 in x[3].withUnsafeBufferPointer { x3 in
                    g[0].withUnsafeBufferPointer { g0 in g[1].withUnsafeBufferPointer { g1 in
                        g[2].withUnsafeBufferPointer { g2 in g[3].withUnsafeBufferPointer { g3 in
                            let xs = (x0.baseAddress!, x1.baseAddress!, x2.baseAddress!, x3.baseAddress!)
                            let gs = (g0.baseAddress!, g1.baseAddress!, g2.baseAddress!, g3.baseAddress!)
                            let sums = RowKernels.sums(xs, n)
                            let one = [xs.0, xs.1, xs.2, xs.3].map { RowKernels.sum($0, n).bitPattern }
                            XCTAssertEqual([sums.0, sums.1, sums.2, sums.3].map(\.bitPattern), one, "Σ x, n = \(n)")
                            let squares = RowKernels.squaredDeviations(xs, n, from: 0.3)
                            let oneSquares = [xs.0, xs.1, xs.2, xs.3].map { RowKernels.squaredDeviations($0, n, from: 0.3).bitPattern }
                            XCTAssertEqual([squares.0, squares.1, squares.2, squares.3].map(\.bitPattern), oneSquares, "Σ (x − μ)², n = \(n)")
                            let both = RowKernels.sumsAndDotsStandardized(gs, xs, n, mean: mean, scale: scale)
                            let four = [both.0, both.1, both.2, both.3].flatMap { [$0.0.bitPattern, $0.1.bitPattern] }
                            let single = zip([gs.0, gs.1, gs.2, gs.3], [xs.0, xs.1, xs.2, xs.3]).flatMap { g, x in
                                let r = RowKernels.sumAndDotStandardized(g, x, n, mean: mean, scale: scale)
                                return [r.0.bitPattern, r.1.bitPattern]
                            }
                            XCTAssertEqual(four, single, "Σ g and Σ g·x̂, n = \(n)")
                            let outputs = (0..<8).map { _ in UnsafeMutablePointer<Float>.allocate(capacity: n) }
                            defer { outputs.forEach { $0.deallocate() } }
                            let (meanG, meanGH): (Float, Float) = (0.11, -0.07)
                            RowKernels.normalizationGradientsStandardized(gs, x: xs, n, mean: mean, gamma: 1.3, scale: scale,
                                                                          meanG: meanG, meanGH: meanGH,
                                                                          into: (outputs[0], outputs[1], outputs[2], outputs[3]))
                            for (k, (g, x)) in zip([gs.0, gs.1, gs.2, gs.3], [xs.0, xs.1, xs.2, xs.3]).enumerated() {
                                RowKernels.normalizationGradientStandardized(g, x: x, n, mean: mean, gamma: 1.3, scale: scale,
                                                                             meanG: meanG, meanGH: meanGH, into: outputs[4 + k])
                                let differing = (0..<n).filter { outputs[k][$0].bitPattern != outputs[4 + k][$0].bitPattern }.count
                                XCTAssertEqual(differing, 0, "∂L/∂x of row \(k), n = \(n)")
                            }
                        } }
                    } }
                } }
            } }
        }
    }

    /// `NormalizationKernel.statistics` (four rows at a time where it can) against the documented
    /// order: per statistics set, the rows' `sum`, then their `squaredDeviations`, added one row at a
    /// time in `forEachRow` order. BatchNorm with a batch of 7 (four-row blocks and leftovers),
    /// LayerNorm (one set per sample), GroupNorm and InstanceNorm (several sets per unit).
    func testStatisticsAddTheirRowsInOrder() {
        var values = KernelTestValues(seed: 29)
        let cases: [(Int, Int, Int, NormalizationKernel.Grouping)] = [(7, 3, 50, .perChannel), (3, 5, 13, .groups(1)),
                                                                      (2, 6, 9, .groups(2)), (2, 4, 17, .groups(4))]
        for (n, c, s, grouping) in cases {
            let l = NormalizationKernel.Layout(n: n, c: c, s: s, grouping: grouping)
            let x = values.doubles(n * c * s).map { Float($0 * 2 + 0.3) }
            var mean = [Double](repeating: 0, count: l.setCount), variance = mean, invStd = mean
            var expectedMean = mean, expectedVariance = mean
            x.withUnsafeBufferPointer { xp in
                let x0 = xp.baseAddress!
                for unit in 0..<l.unitCount {
                    NormalizationKernel.statistics(of: unit, x0, l, eps: 1e-5, computed: true, mean: &mean,
                                                   variance: &variance, invStd: &invStd)
                    l.forEachRow(of: unit) { i, ch in expectedMean[l.set(i, ch)] += RowKernels.sum(x0 + (i * c + ch) * s, s) }
                    for set in l.sets(of: unit) { expectedMean[set] /= Double(l.setSize) }
                    l.forEachRow(of: unit) { i, ch in
                        let set = l.set(i, ch)
                        expectedVariance[set] += RowKernels.squaredDeviations(x0 + (i * c + ch) * s, s, from: expectedMean[set])
                    }
                    for set in l.sets(of: unit) { expectedVariance[set] /= Double(l.setSize) }
                }
            }
            XCTAssertEqual(mean.map(\.bitPattern), expectedMean.map(\.bitPattern), "mean, \(grouping) n=\(n)")
            XCTAssertEqual(variance.map(\.bitPattern), expectedVariance.map(\.bitPattern), "variance, \(grouping) n=\(n)")
        }
    }
}
