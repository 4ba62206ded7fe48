import XCTest
@testable import NeuralEngine

/// Data sets, loaders, splits, standardization and augmentation.
final class NNDataTests: XCTestCase {
    private func toy(_ n: Int) -> Dataset {
        Dataset(features: Tensor((0..<(2 * n)).map(Double.init), shape: [n, 2], dtype: .float32),
                labels: (0..<n).map { $0 % 3 })
    }

    func testLoaderBatchesRowsAndDropsLast() {
        let loader = DataLoader(toy(10), batchSize: 4)
        let batches = Array(loader)
        XCTAssertEqual(batches.map(\.count), [4, 4, 2])
        XCTAssertEqual(batches[1].features.scalars, [8, 9, 10, 11, 12, 13, 14, 15])
        XCTAssertEqual(batches[1].labels!, [1, 2, 0, 1])
        XCTAssertEqual(Array(DataLoader(toy(10), batchSize: 4, dropLast: true)).map(\.count), [4, 4])
        XCTAssertEqual(DataLoader(toy(10), batchSize: 4, dropLast: true).batchCount, 2)
    }

    func testShuffledLoaderIsDeterministicAndReshufflesEachPass() {
        let a = DataLoader(toy(20), batchSize: 5, shuffle: true, generator: RandomGenerator(seed: 4))
        let b = DataLoader(toy(20), batchSize: 5, shuffle: true, generator: RandomGenerator(seed: 4))
        let firstA = a.flatMap(\.indices), firstB = b.flatMap(\.indices)
        XCTAssertEqual(firstA, firstB)
        XCTAssertEqual(firstA.sorted(), Array(0..<20))
        XCTAssertNotEqual(firstA, Array(0..<20))
        XCTAssertNotEqual(a.flatMap(\.indices), firstA, "a second pass draws a new permutation")
        // Each batch's rows match the data set rows it names.
        for batch in a { XCTAssertEqual(batch.features.scalars, batch.indices.flatMap { [Float(2 * $0), Float(2 * $0 + 1)] }) }
    }

    func testSplitPartitionsTheData() {
        let parts = toy(10).split(train: 0.6, validation: 0.2, test: 0.2, generator: RandomGenerator(seed: 1))
        XCTAssertEqual([parts.train.count, parts.validation.count, parts.test.count], [6, 2, 2])
        let rows = (parts.train.features.scalars + parts.validation.features.scalars + parts.test.features.scalars)
        XCTAssertEqual(rows.sorted(), (0..<20).map(Float.init))
    }

    func testStandardizerUsesTrainingStatisticsOnly() {
        let train = Tensor([[1, 10], [3, 10], [5, 10]], dtype: .float64)
        let s = Standardizer(fitting: train)
        NNTest.assertClose(s.mean.doubles, [3, 10], tolerance: 1e-15)
        NNTest.assertClose(s.std.doubles, [(8.0 / 3).squareRoot(), 1], tolerance: 1e-15)
        let test = s.transform(Tensor([[3, 12]], dtype: .float64))
        NNTest.assertClose(test.doubles, [0, 2], tolerance: 1e-15)
        NNTest.assertClose(s.inverse(test).doubles, [3, 12], tolerance: 1e-12)
    }

    func testAugmentationsAreSeededAndShapePreserving() {
        let images = Tensor((0..<32).map(Double.init), shape: [2, 1, 4, 4], dtype: .float32)
        let flipped = Augmentation.randomHorizontalFlip(images, probability: 1)
        XCTAssertEqual(Array(flipped.scalars[0..<4]), [3, 2, 1, 0])
        let s1 = Augmentation.randomShift(images, maxShift: 1, generator: RandomGenerator(seed: 3))
        let s2 = Augmentation.randomShift(images, maxShift: 1, generator: RandomGenerator(seed: 3))
        XCTAssertEqual(s1.scalars, s2.scalars)
        XCTAssertEqual(s1.shape, images.shape)
        let zeroShift = Augmentation.randomShift(images, maxShift: 0)
        XCTAssertEqual(zeroShift.scalars, images.scalars)
        let noisy = Augmentation.gaussianNoise(images, std: 0.1, generator: RandomGenerator(seed: 5))
        XCTAssertLessThan(zip(noisy.scalars, images.scalars).map { Swift.abs($0 - $1) }.max()!, 0.6)
    }

    func testDigitsAndWineLoadersReportTheirFiles() throws {
        var read: [String] = []
        DataFiles.onRead = { read.append($0) }
        defer { DataFiles.onRead = nil }
        let digits = try Datasets.digits()
        XCTAssertEqual(digits.features.shape, [1797, 64])
        XCTAssertEqual(digits.labels!.count, 1797)
        XCTAssertEqual(digits.features.scalars.max()!, 1)
        XCTAssertEqual(Set(digits.labels!), Set(0...9))
        let wine = try Datasets.wine()
        XCTAssertEqual(wine.features.shape, [178, 13])
        XCTAssertEqual(wine.classNames!, ["class_0", "class_1", "class_2"])
        XCTAssertEqual(wine.features.scalars[0], 14.23, accuracy: 1e-5)
        XCTAssertEqual(read.map { ($0 as NSString).lastPathComponent }, ["digits.csv.gz", "wine_data.csv"])
    }

    func testMissingFileErrorNamesThePath() {
        XCTAssertThrowsError(try Datasets.wine(url: URL(fileURLWithPath: "/nonexistent/wine.csv"))) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/wine.csv"))
        }
        XCTAssertThrowsError(try Datasets.fashionMNIST(directory: URL(fileURLWithPath: "/nonexistent"))) { error in
            XCTAssertTrue("\(error)".contains("apt-get install dataset-fashion-mnist"))
        }
    }

    func testFashionMNISTWhenInstalled() throws {
        let dir = "/usr/share/datasets/fashion-mnist"
        try XCTSkipUnless(FileManager.default.fileExists(atPath: dir + "/t10k-images-idx3-ubyte.gz"))
        let test = try Datasets.fashionMNIST(split: .test, limit: 100)
        XCTAssertEqual(test.features.shape, [100, 1, 28, 28])
        XCTAssertEqual(test.labels!.count, 100)
        XCTAssertTrue(test.labels!.allSatisfy { (0..<10).contains($0) })
        XCTAssertLessThanOrEqual(test.features.scalars.max()!, 1)
    }

    func testSyntheticSetsAreSeededAndShaped() {
        let s1 = Datasets.spiral(classes: 3, pointsPerClass: 50, generator: RandomGenerator(seed: 1))
        let s2 = Datasets.spiral(classes: 3, pointsPerClass: 50, generator: RandomGenerator(seed: 1))
        XCTAssertEqual(s1.features.scalars, s2.features.scalars)
        XCTAssertEqual(s1.features.shape, [150, 2])
        XCTAssertEqual(Datasets.twoMoons(count: 101).features.shape, [101, 2])
        XCTAssertEqual(Datasets.circles(count: 40).labels!.filter { $0 == 1 }.count, 20)
        XCTAssertEqual(Datasets.gaussianBlobs(centers: [[0, 0, 0], [5, 5, 5]], pointsPerClass: 7).features.shape, [14, 3])
        let poly = Datasets.noisyPolynomial(count: 30, degree: 20, noise: 0, generator: RandomGenerator(seed: 2))
        XCTAssertEqual(poly.features.shape, [30, 20])
        // Noise-free targets are exactly 5 + 1.2x − 3.4x²/2 + 5.6x³/6 of column 1 (x).
        let f = poly.features.doubles, y = poly.targets!.doubles
        for i in 0..<30 {
            let x = f[i * 20 + 1]
            XCTAssertEqual(y[i], 5 + 1.2 * x - 3.4 * x * x / 2 + 5.6 * x * x * x / 6, accuracy: 1e-3 * (1 + Swift.abs(y[i])))
        }
        let lin = Datasets.highDimensionalLinear(count: 5, inputs: 200, noise: 0, generator: RandomGenerator(seed: 3))
        XCTAssertEqual(lin.features.shape, [5, 200])
        let row0 = Array(lin.features.doubles[0..<200])
        XCTAssertEqual(lin.targets!.doubles[0], 0.05 + 0.01 * row0.reduce(0, +), accuracy: 1e-5)
    }
}
