import XCTest
@testable import NeuralEngine

/// `NarrowDepthProduct` must give exactly GEMM's bits (the book's printed numbers depend on them): every
/// element compared with `==` on its bit pattern against bias-then-GEMM through each GEMM path, for
/// shapes around the 4×16 block (rows and columns left over) and depths up to the limit, padded column
/// strides, GEMM's own shallow route, and whole convolutions against GEMM's direct tile path with one
/// and two threads.
final class KernelNarrowDepthProductTests: XCTestCase {
    override func tearDown() { Parallel.threadCount = 2 }

    /// (O, K, L): the first layer of cnn-fmnist-step, then edges: O mod 4 ≠ 0, L mod 16 ≠ 0, L < 16, K = 1 and 32.
    static let shapes = [(32, 9, 784), (5, 9, 17), (7, 1, 33), (4, 27, 16), (3, 32, 15), (33, 9, 31), (1, 1, 1), (6, 9, 8)]

    func testKernelMatchesGEMMBitForBitOnEveryPath() {
        var values = KernelTestValues(seed: 13)
        for (o, k, l) in Self.shapes {
            // Exact zeros and repeated values too, so signed zeros and ties show up.
            let w = values.doubles(o * k).map { Float($0 < -0.8 ? 0 : $0) }
            let cols = values.doubles(k * l).map { Float($0 > 0.7 ? 0 : $0) }
            let bias = values.doubles(o).map { Float($0) }
            for withBias in [true, false] {
                let b = withBias ? bias : nil
                var narrow = [Float](repeating: .nan, count: o * l)
                w.withUnsafeBufferPointer { ws in cols.withUnsafeBufferPointer { cs in b.withUnsafeBufferPointerOrNil { bs in
                    NarrowDepthProduct.forward(weight: ws.baseAddress!, columns: cs.baseAddress!, bias: bs, outChannels: o,
                                            depth: k, count: l, into: &narrow)
                } } }
                for path in [GEMM.Path.automatic, .direct, .packed] {
                    var reference = [Float](repeating: .nan, count: o * l)
                    if let b { for r in 0..<o { for j in 0..<l { reference[r * l + j] = b[r] } } }
                    GEMM.sgemm(transA: false, transB: false, m: o, n: l, k: k, alpha: 1, a: w, lda: k, b: cols, ldb: l,
                               beta: withBias ? 1 : 0, c: &reference, ldc: l, path: path)
                    XCTAssertEqual(narrow.map(\.bitPattern), reference.map(\.bitPattern),
                                   "O=\(o) K=\(k) L=\(l) bias=\(withBias) path=\(path)")
                }
            }
        }
    }

    /// `GEMM.sgemm` routes shallow untransposed products with alpha 1 and beta 0 or 1 here: the same
    /// bits as the tile paths, with padded leading dimensions, for a product large enough to split
    /// its rows over threads (one and two threads), and with other alpha/beta left to the tiles.
    func testShallowGEMMGivesTheTilePathsBitsForAnyThreadCount() {
        var values = KernelTestValues(seed: 17)
        // (m, n, k): a first layer's batched im2col product, a short one, a single column, k = 32.
        // (m, n, k): a first layer's batched im2col product (rows split over threads), a short wide one
        // (column blocks split over threads), short ones, one too narrow for this route (n < 16), k = 32.
        for (m, n, k) in [(3000, 40, 9), (3, 40_000, 5), (7, 23, 3), (50, 9, 1), (9, 17, 32)] {
            let (lda, ldb, ldc) = (k + 3, n + 5, n + 2)
            let a = values.doubles(m * lda).map { Float($0) }, b = values.doubles(k * ldb).map { Float($0) }
            let old = values.doubles(m * ldc).map { Float($0) }
            for (alpha, beta) in [(Float(1), Float(0)), (1, 1), (0.5, 1)] {
                var results: [[UInt32]] = []
                for (path, threads) in [(GEMM.Path.automatic, 1), (.automatic, 2), (.direct, 2), (.packed, 2)] {
                    Parallel.threadCount = threads
                    var c = old
                    GEMM.sgemm(transA: false, transB: false, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                               beta: beta, c: &c, ldc: ldc, path: path)
                    results.append(c.map(\.bitPattern))
                }
                for (index, result) in results.enumerated() {
                    let differing = zip(result, results[0]).filter { $0 != $1 }.count
                    XCTAssertEqual(differing, 0, "m=\(m) n=\(n) k=\(k) alpha \(alpha) beta \(beta): run \(index)")
                }
            }
        }
    }

    func testPaddedColumnStrideGivesTheSameBits() {
        var values = KernelTestValues(seed: 19)
        // (O, K, L, stride): cnn-fmnist-step's conv2-sized rows (196 padded to 208) on a shallow K, and an odd L.
        for (o, k, l, ld) in [(8, 9, 196, 208), (5, 27, 33, 48)] {
            let w = values.doubles(o * k).map { Float($0) }, cols = values.doubles(k * ld).map { Float($0) }
            let bias = values.doubles(o).map { Float($0) }
            var narrow = [Float](repeating: .nan, count: o * l)
            w.withUnsafeBufferPointer { ws in cols.withUnsafeBufferPointer { cs in bias.withUnsafeBufferPointer { bs in
                NarrowDepthProduct.forward(weight: ws.baseAddress!, columns: cs.baseAddress!, columnStride: ld, bias: bs.baseAddress,
                                           outChannels: o, depth: k, count: l, into: &narrow)
            } } }
            var reference = [Float](repeating: .nan, count: o * l)
            for r in 0..<o { for j in 0..<l { reference[r * l + j] = bias[r] } }
            GEMM.sgemm(transA: false, transB: false, m: o, n: l, k: k, alpha: 1, a: w, lda: k, b: cols, ldb: ld,
                       beta: 1, c: &reference, ldc: l, path: .direct)
            XCTAssertEqual(narrow.map(\.bitPattern), reference.map(\.bitPattern), "O=\(o) K=\(k) L=\(l) stride \(ld)")
        }
    }

    func testConvolutionForwardMatchesGEMMRouteForOneAndTwoThreads() {
        var values = KernelTestValues(seed: 7)
        // (batch, C, H, W, kh, kw, stride, padding): cnn-fmnist-step's conv1 on 3 images, an RGB 3×3
        // (K = 27) with stride 2 and odd sizes, a 1×1 kernel, and K = 50 (past the limit: GEMM both ways).
        let cases = [(3, 1, 28, 28, 3, 3, 1, 1), (2, 3, 7, 9, 3, 3, 2, 1), (4, 2, 5, 3, 1, 1, 1, 0), (2, 2, 6, 6, 5, 5, 1, 2)]
        for (n, c, h, wd, kh, kw, s, p) in cases {
            let g = Im2Col.Geometry(channels: c, height: h, width: wd, kernelHeight: kh, kernelWidth: kw, stride: s, padding: p)
            let o = 5
            let x = values.doubles(n * c * h * wd).map { Float($0) }
            let w = values.doubles(o * c * kh * kw).map { Float($0) }
            let bias = values.doubles(o).map { Float($0) }
            for b in [bias, nil] {
                var outputs: [[UInt32]] = []
                for threads in [1, 2] {
                    Parallel.threadCount = threads
                    for narrow in [true, false] {
                        let r = ConvKernel.forward(x, w, bias: b, batch: n, outChannels: o, g, keepColumns: true, narrowDepth: narrow)
                        outputs.append(r.y.map(\.bitPattern))
                    }
                }
                for (index, output) in outputs.enumerated() {
                    XCTAssertEqual(output, outputs[0], "case \(g) bias=\(b != nil) run \(index)")
                }
            }
        }
    }
}
