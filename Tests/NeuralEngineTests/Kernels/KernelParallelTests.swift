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

    func testSGEMMBitwiseIndependentOfThreadCount() {
        // 96·100·80 = 768 000 multiply-adds: above the parallel limit, so both paths are split.
        XCTAssertGreaterThanOrEqual(96 * 100 * 80, GEMMDriver<SGEMMKernel>.parallelLimit)
        var values = KernelTestValues(seed: 42)
        let a = values.doubles(96 * 80).map(Float.init), b = values.doubles(100 * 80).map(Float.init)
        func run(threads: Int, packed: Bool) -> [Float] {
            Parallel.threadCount = threads
            var c = [Float](repeating: 0, count: 96 * 100)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        GEMM.sgemm(transA: false, transB: true, m: 96, n: 100, k: 80, alpha: 1,
                                   a: pa.baseAddress!, lda: 80, b: pb.baseAddress!, ldb: 80,
                                   beta: 0, c: pc.baseAddress!, ldc: 100, path: packed ? .packed : .direct)
                    }
                }
            }
            return c
        }
        for packed in [false, true] {
            let single = run(threads: 1, packed: packed)
            XCTAssertEqual(single.map(\.bitPattern), run(threads: 2, packed: packed).map(\.bitPattern), "packed \(packed)")
            XCTAssertEqual(single.map(\.bitPattern), run(threads: 3, packed: packed).map(\.bitPattern), "packed \(packed)")
        }
    }
}
