import XCTest
@testable import NeuralEngine

/// The thread pool: chunk boundaries independent of the thread count, every index visited once,
/// nested calls run inline, and GEMM gives the same bits with 1, 2 and 3 threads.
final class KernelParallelTests: XCTestCase {
    override func tearDown() {
        Parallel.threadCount = 2
        super.tearDown()
    }

    /// Records the chunks `forEachChunk` hands out with the given thread count.
    func chunks(count: Int, minChunk: Int, threads: Int) -> [Range<Int>] {
        Parallel.threadCount = threads
        var seen = [Range<Int>?](repeating: nil, count: (count + minChunk - 1) / minChunk)
        seen.withUnsafeMutableBufferPointer { buffer in
            let slots = buffer.baseAddress!
            Parallel.forEachChunk(count, minChunk: minChunk) { range in
                slots[range.lowerBound / minChunk] = range   // each chunk writes its own slot
            }
        }
        return seen.map { $0 ?? 0..<0 }
    }

    func testChunkBoundariesDependOnlyOnCountAndMinChunk() {
        let expected = [0..<7, 7..<14, 14..<20]
        for threads in [1, 2, 3, 4] {
            XCTAssertEqual(chunks(count: 20, minChunk: 7, threads: threads), expected, "threads \(threads)")
        }
        XCTAssertEqual(chunks(count: 5, minChunk: 8, threads: 2), [0..<5])
    }

    func testEveryIndexVisitedOnceOverManyCalls() {
        Parallel.threadCount = 2
        var hits = [Int](repeating: 0, count: 1_000)
        hits.withUnsafeMutableBufferPointer { buffer in
            let counts = buffer.baseAddress!
            for _ in 0..<200 {
                Parallel.forEachChunk(1_000, minChunk: 3) { range in
                    for i in range { counts[i] += 1 }
                }
            }
        }
        XCTAssertEqual(Set(hits), [200])
    }

    func testNestedCallsRunInline() {
        Parallel.threadCount = 2
        var sums = [Int](repeating: 0, count: 4)
        sums.withUnsafeMutableBufferPointer { buffer in
            let slots = buffer.baseAddress!
            Parallel.forEachChunk(4, minChunk: 1) { outer in
                var local = 0
                Parallel.forEachChunk(10, minChunk: 2) { inner in local += inner.count }
                slots[outer.lowerBound] = local
            }
        }
        XCTAssertEqual(sums, [10, 10, 10, 10])
    }

    func testTileBlocksCoverEveryPanelPairOnce() {
        for (rows, columns) in [(171, 64), (11, 16), (6, 128), (1, 1), (40, 3)] {
            for split in [false, true] {
                let blocks = TileBlocks(rowPanels: rows, columnPanels: columns, split: split, maxRowPanels: 24)
                var hits = [Int](repeating: 0, count: rows * columns)
                for index in 0..<blocks.count {
                    let (rowRange, columnRange) = blocks.panels(of: index)
                    for r in rowRange { for c in columnRange { hits[r * columns + c] += 1 } }
                }
                XCTAssertEqual(Set(hits), [1], "\(rows)x\(columns) split \(split)")
                XCTAssertEqual(blocks.count == 1, !split || rows * columns == 1)
            }
        }
    }

    func testSGEMMBitwiseIndependentOfThreadCount() {
        // 64·96·86 = 528 384 multiply-adds: just above the parallel limit, so both paths are split.
        XCTAssertGreaterThanOrEqual(64 * 96 * 86, GEMMDriver<SGEMMKernel>.parallelLimit)
        var values = KernelTestValues(seed: 42)
        let a = values.doubles(64 * 86).map(Float.init), b = values.doubles(96 * 86).map(Float.init)
        func run(threads: Int, packed: Bool) -> [Float] {
            Parallel.threadCount = threads
            var c = [Float](repeating: 0, count: 64 * 96)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        GEMM.sgemm(transA: false, transB: true, m: 64, n: 96, k: 86, alpha: 1,
                                   a: pa.baseAddress!, lda: 86, b: pb.baseAddress!, ldb: 86,
                                   beta: 0, c: pc.baseAddress!, ldc: 96, path: packed ? .packed : .direct)
                    }
                }
            }
            return c
        }
        for packed in [false, true] {
            let single = run(threads: 1, packed: packed)
            XCTAssertEqual(single[0], zip(a[0..<86], b[0..<86]).map { $0 * $1 }.reduce(0, +), accuracy: 1e-4)
            XCTAssertEqual(single.map(\.bitPattern), run(threads: 2, packed: packed).map(\.bitPattern), "packed \(packed)")
            if packed {
                XCTAssertEqual(single.map(\.bitPattern), run(threads: 3, packed: packed).map(\.bitPattern))
            }
        }
    }

    func testShortWideSGEMMSplitsColumnsAndStaysBitwiseEqual() {
        // m = 12, n = 640, k = 70: two row panels, so the packed path also splits the columns.
        let (m, n, k) = (12, 640, 70)
        XCTAssertGreaterThanOrEqual(m * n * k, GEMMDriver<SGEMMKernel>.parallelLimit)
        var values = KernelTestValues(seed: 7)
        let a = values.doubles(m * k), b = values.doubles(k * n)
        let expected = referenceGEMM(transA: false, transB: false, m: m, n: n, k: k, alpha: 1, a: a, lda: k,
                                     b: b, ldb: n, beta: 0, c: [Double](repeating: 0, count: m * n), ldc: n)
        let af = a.map(Float.init), bf = b.map(Float.init)
        func run(threads: Int) -> [Float] {
            Parallel.threadCount = threads
            var c = [Float](repeating: .nan, count: m * n)
            GEMM.sgemm(transA: false, transB: false, m: m, n: n, k: k, alpha: 1, a: af, lda: k, b: bf, ldb: n,
                       beta: 0, c: &c, ldc: n, path: .packed)
            return c
        }
        let single = run(threads: 1)
        for i in 0..<(m * n) {
            XCTAssertLessThanOrEqual(abs(Double(single[i]) - expected.values[i]), 1e-5 * expected.magnitudes[i])
        }
        XCTAssertEqual(single.map(\.bitPattern), run(threads: 2).map(\.bitPattern))
    }
}
