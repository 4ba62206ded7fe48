import XCTest
@testable import NeuralEngine

/// The column matrices behind `ConvKernel`: whether the forward pass keeps them for the weight
/// gradient or the backward pass redoes im2col (above `ConvKernel.maxSavedColumnBytes`), and their
/// padded row stride, must not change a bit of any result. Every gradient is compared with `==` on its
/// bit pattern across both routes and one and two threads; the finite-difference checks in
/// `LayerGradientTests` anchor the values themselves.
final class KernelConvColumnsTests: XCTestCase {
    override func tearDown() { Parallel.threadCount = 2 }

    func testColumnStrideStartsEveryRowOnACacheLine() {
        XCTAssertEqual(ConvKernel.columnStride(196), 208)
        XCTAssertEqual(ConvKernel.columnStride(784), 784)
        XCTAssertEqual(ConvKernel.columnStride(1), 16)
        for l in 1...100 {
            let stride = ConvKernel.columnStride(l)
            XCTAssertTrue(stride >= l && stride < l + 16 && stride % 16 == 0, "L = \(l): stride \(stride)")
        }
    }

    func testKeptAndRecomputedColumnsGiveTheSameGradientsBitForBit() {
        var values = KernelTestValues(seed: 21)
        // (batch, C, H, W, kh, kw, stride, padding, O): cnn-fmnist-step's conv2 on 3 images (L = 196, padded
        // to 208), odd outputs (L = 63), stride 2 (L = 9), a 1×1 kernel, and a narrow first layer (K = 9).
        let cases = [(3, 32, 14, 14, 3, 3, 1, 1, 8), (4, 3, 7, 9, 3, 3, 1, 1, 5), (5, 2, 6, 6, 3, 3, 2, 1, 3),
                     (2, 4, 5, 3, 1, 1, 1, 0, 6), (3, 1, 28, 28, 3, 3, 1, 1, 4)]
        for (n, c, h, wd, kh, kw, s, p, o) in cases {
            let g = Im2Col.Geometry(channels: c, height: h, width: wd, kernelHeight: kh, kernelWidth: kw, stride: s, padding: p)
            let x = values.doubles(n * c * h * wd).map { Float($0) }
            let w = values.doubles(o * c * kh * kw).map { Float($0) }
            let bias = values.doubles(o).map { Float($0) }
            let gy = values.doubles(n * o * g.columnCount).map { Float($0) }
            var results: [[[UInt32]]] = []
            for threads in [1, 2] {
                Parallel.threadCount = threads
                let forward = ConvKernel.forward(x, w, bias: bias, batch: n, outChannels: o, g, keepColumns: true)
                XCTAssertNotNil(forward.columns, "case \(g): small enough to keep its columns")
                for saved in [forward.columns, nil] {
                    let r = ConvKernel.backward(x, savedColumns: saved, w, gy, batch: n, outChannels: o, g,
                                                needInput: true, needWeight: true, needBias: true)
                    results.append([forward.y, r.dx!, r.dw!, r.db!].map { $0.map(\.bitPattern) })
                }
            }
            for (index, result) in results.enumerated() {
                for (name, (a, b)) in zip(["y", "dx", "dw", "db"], zip(result, results[0])) {
                    let differing = zip(a, b).filter { $0 != $1 }.count
                    XCTAssertTrue(a.count == b.count && differing == 0,
                                  "case \(g): \(differing) of \(a.count) values of \(name) differ in run \(index) (threads, kept/recomputed)")
                }
            }
        }
    }

    func testLargeColumnSetsAreRecomputed() {
        // cnn-fmnist-step's conv2: 128 images × 288 × 208 Float = 29 MiB of columns, above the 4 MiB cap;
        // its first layer (128 × 9 × 784 × 4 B = 3.4 MiB) stays below it.
        XCTAssertGreaterThan(128 * 288 * ConvKernel.columnStride(196) * 4, ConvKernel.maxSavedColumnBytes)
        XCTAssertLessThanOrEqual(128 * 9 * ConvKernel.columnStride(784) * 4, ConvKernel.maxSavedColumnBytes)
        let g = Im2Col.Geometry(channels: 2, height: 40, width: 40, kernelHeight: 3, kernelWidth: 3, stride: 1, padding: 1)
        let batch = ConvKernel.maxSavedColumnBytes / (18 * ConvKernel.columnStride(1600) * 4) + 1
        let x = [Float](repeating: 0.5, count: batch * 2 * 1600), w = [Float](repeating: 0.25, count: 3 * 18)
        XCTAssertNil(ConvKernel.forward(x, w, bias: nil, batch: batch, outChannels: 3, g, keepColumns: true).columns)
        XCTAssertNotNil(ConvKernel.forward(Array(x[0..<(2 * 1600)]), w, bias: nil, batch: 1, outChannels: 3, g,
                                           keepColumns: true).columns)
    }
}
