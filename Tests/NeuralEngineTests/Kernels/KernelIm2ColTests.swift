import XCTest
@testable import NeuralEngine

/// im2col against its defining formula, col2im as its exact adjoint, and the batched layout.
final class KernelIm2ColTests: XCTestCase {
    static let geometries = [
        Im2Col.Geometry(channels: 2, height: 5, width: 4, kernelHeight: 3, kernelWidth: 3, stride: 1, padding: 1),
        Im2Col.Geometry(channels: 1, height: 7, width: 6, kernelHeight: 3, kernelWidth: 2, stride: 2, padding: 0),
        Im2Col.Geometry(channels: 3, height: 6, width: 7, kernelHeight: 2, kernelWidth: 3, stride: 3, padding: 2),
        Im2Col.Geometry(channels: 1, height: 3, width: 3, kernelHeight: 5, kernelWidth: 5, stride: 1, padding: 2),
        // Stride 1 rows of 8 and of 11 (SIMD lanes plus a scalar tail), and no padding.
        Im2Col.Geometry(channels: 3, height: 8, width: 8, kernelHeight: 3, kernelWidth: 3, stride: 1, padding: 1),
        Im2Col.Geometry(channels: 2, height: 4, width: 11, kernelHeight: 3, kernelWidth: 2, stride: 1, padding: 0),
        // "Same" convolutions taking the vectorised Float path (Im2ColShift): 1×1, wider padding and a
        // 9-wide row, a kernel wider than the image, rectangular kernels.
        Im2Col.Geometry(channels: 1, height: 3, width: 8, kernelHeight: 1, kernelWidth: 1, stride: 1, padding: 0),
        Im2Col.Geometry(channels: 2, height: 5, width: 9, kernelHeight: 5, kernelWidth: 5, stride: 1, padding: 2),
        Im2Col.Geometry(channels: 1, height: 2, width: 8, kernelHeight: 3, kernelWidth: 11, stride: 1, padding: 5),
        Im2Col.Geometry(channels: 1, height: 8, width: 8, kernelHeight: 5, kernelWidth: 3, stride: 1, padding: 1),
        Im2Col.Geometry(channels: 1, height: 4, width: 8, kernelHeight: 1, kernelWidth: 3, stride: 1, padding: 1),
    ]

    /// The formula from the documentation, one element at a time.
    func referenceIm2Col(_ image: [Double], _ g: Im2Col.Geometry) -> [Double] {
        var columns = [Double](repeating: 0, count: g.columnRows * g.columnCount)
        for c in 0..<g.channels {
            for i in 0..<g.kernelHeight {
                for j in 0..<g.kernelWidth {
                    let row = (c * g.kernelHeight + i) * g.kernelWidth + j
                    for oy in 0..<g.outputHeight {
                        for ox in 0..<g.outputWidth {
                            let y = oy * g.stride - g.padding + i, x = ox * g.stride - g.padding + j
                            guard y >= 0, y < g.height, x >= 0, x < g.width else { continue }
                            columns[row * g.columnCount + oy * g.outputWidth + ox] = image[(c * g.height + y) * g.width + x]
                        }
                    }
                }
            }
        }
        return columns
    }

    func testOutputSizesFollowPyTorch() {
        let g = Im2Col.Geometry(channels: 1, height: 8, width: 8, kernelHeight: 3, kernelWidth: 3, stride: 2, padding: 1)
        XCTAssertEqual([g.outputHeight, g.outputWidth], [4, 4])   // floor((8 + 2 - 3) / 2) + 1
        XCTAssertEqual(Self.geometries[0].columnRows, 18)
    }

    func testIm2ColMatchesFormulaForDoubleAndFloat() {
        for g in Self.geometries {
            var values = KernelTestValues(seed: UInt64(g.imageCount))
            let image = values.doubles(g.imageCount)
            let expected = referenceIm2Col(image, g)
            // Start from garbage: every entry, padding included, must be written.
            var columns = [Double](repeating: .nan, count: expected.count)
            Im2Col.im2col(image, g, into: &columns)
            XCTAssertEqual(columns, expected, "\(g)")
            let imageF = image.map(Float.init)
            var columnsF = [Float](repeating: .nan, count: expected.count)
            Im2Col.im2col(imageF, g, into: &columnsF)
            XCTAssertEqual(columnsF, expected.map(Float.init), "\(g)")
        }
    }

    /// ⟨col2im(y), x⟩ = ⟨y, im2col(x)⟩ for random x and y: col2im is the transpose of im2col.
    func testCol2ImIsAdjointOfIm2Col() {
        for g in Self.geometries {
            var values = KernelTestValues(seed: UInt64(7 * g.imageCount + 1))
            let x = values.doubles(g.imageCount)
            let y = values.doubles(g.columnRows * g.columnCount)
            var columns = [Double](repeating: 0, count: y.count)
            Im2Col.im2col(x, g, into: &columns)
            var folded = [Double](repeating: 0, count: x.count)
            Im2Col.col2im(y, g, addingInto: &folded)
            let left = zip(folded, x).map { $0 * $1 }.reduce(0, +)
            let right = zip(y, columns).map { $0 * $1 }.reduce(0, +)
            XCTAssertEqual(left, right, accuracy: 1e-12 * max(1, abs(left)), "\(g)")

            let yF = y.map(Float.init)
            var foldedF = [Float](repeating: 0, count: x.count)
            Im2Col.col2im(yF, g, addingInto: &foldedF)
            let leftF = zip(foldedF, x).map { Double($0) * $1 }.reduce(0, +)
            XCTAssertEqual(leftF, right, accuracy: 1e-4 * max(1, abs(right)), "\(g)")
        }
    }

    func testCol2ImAddsIntoExistingValues() {
        let g = Im2Col.Geometry(channels: 1, height: 2, width: 2, kernelHeight: 1, kernelWidth: 1)
        var image: [Double] = [10, 20, 30, 40]
        Im2Col.col2im([1, 2, 3, 4] as [Double], g, addingInto: &image)
        XCTAssertEqual(image, [11, 22, 33, 44])
    }

    /// The vectorised Float path with a leading dimension larger than outH·outW (images side by side),
    /// and its col2im reading from such a layout.
    func testFloatShiftPathWithLeadingDimension() {
        let g = Im2Col.Geometry(channels: 2, height: 5, width: 9, kernelHeight: 3, kernelWidth: 3, stride: 1, padding: 1)
        XCTAssertTrue(Im2ColShift.applies(g))
        var values = KernelTestValues(seed: 11)
        let image = values.doubles(g.imageCount)
        let ld = g.columnCount + 13
        var columns = [Float](repeating: .nan, count: g.columnRows * ld)
        Im2Col.im2col(image.map(Float.init), g, into: &columns, ldColumns: ld)
        let expected = referenceIm2Col(image, g)
        for row in 0..<g.columnRows {
            XCTAssertEqual(columns[(row * ld)..<(row * ld + g.columnCount)].map(Double.init),
                           expected[(row * g.columnCount)..<((row + 1) * g.columnCount)].map { Double(Float($0)) }, "row \(row)")
        }
        // col2im from the padded layout equals col2im of the packed one (Double reference path).
        let y = values.doubles(g.columnRows * g.columnCount)
        var padded = [Float](repeating: 99, count: g.columnRows * ld)
        for row in 0..<g.columnRows { for p in 0..<g.columnCount { padded[row * ld + p] = Float(y[row * g.columnCount + p]) } }
        var folded = [Float](repeating: 0, count: g.imageCount)
        Im2Col.col2im(padded, g, ldColumns: ld, addingInto: &folded)
        var reference = [Double](repeating: 0, count: g.imageCount)
        Im2Col.col2im(y, g, addingInto: &reference)
        for (a, b) in zip(folded, reference) { XCTAssertEqual(Double(a), b, accuracy: 1e-5) }
    }

    func testBatchedLayoutWithLeadingDimension() {
        // Two images side by side: columns[C·kh·kw, 2·outH·outW], image n at column offset n·outH·outW.
        let g = Self.geometries[2]
        var values = KernelTestValues(seed: 3)
        let images = [values.doubles(g.imageCount), values.doubles(g.imageCount)]
        let ld = 2 * g.columnCount
        var batched = [Double](repeating: .nan, count: g.columnRows * ld)
        batched.withUnsafeMutableBufferPointer { out in
            for (n, image) in images.enumerated() {
                image.withUnsafeBufferPointer { Im2Col.im2col($0.baseAddress!, g, into: out.baseAddress! + n * g.columnCount, ldColumns: ld) }
            }
        }
        for (n, image) in images.enumerated() {
            let single = referenceIm2Col(image, g)
            for row in 0..<g.columnRows {
                XCTAssertEqual(Array(batched[(row * ld + n * g.columnCount)..<(row * ld + (n + 1) * g.columnCount)]),
                               Array(single[(row * g.columnCount)..<((row + 1) * g.columnCount)]))
            }
        }
    }
}
