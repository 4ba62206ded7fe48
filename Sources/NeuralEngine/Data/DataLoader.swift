/// One mini-batch: rows of a ``Dataset`` gathered into contiguous tensors.
public struct Batch {
    /// Features `[B, ...]`.
    public let features: Tensor
    /// Labels of the rows (classification), or nil.
    public let labels: [Int]?
    /// Targets `[B, ...]` (regression), or nil.
    public let targets: Tensor?
    /// Row indices into the data set.
    public let indices: [Int]
    /// Number of rows.
    public var count: Int { indices.count }
}

/// Iterates over a ``Dataset`` in mini-batches, like `torch.utils.data.DataLoader`.
///
/// With `shuffle`, every pass (`for batch in loader`) draws a fresh permutation from `generator`, so a
/// seeded generator gives the same batches on every run. With `dropLast`, an incomplete final
/// batch is skipped (batch statistics of tiny batches are noisy).
public struct DataLoader: Sequence {
    public let dataset: Dataset
    public let batchSize: Int
    public let shuffle: Bool
    public let dropLast: Bool
    public let generator: RandomGenerator

    public init(_ dataset: Dataset, batchSize: Int, shuffle: Bool = false, dropLast: Bool = false,
                generator: RandomGenerator = .global) {
        if batchSize <= 0 { fatalError("DataLoader: batchSize must be positive, got \(batchSize)") }
        self.dataset = dataset
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.dropLast = dropLast
        self.generator = generator
    }

    /// Number of batches per pass.
    public var batchCount: Int {
        dropLast ? dataset.count / batchSize : (dataset.count + batchSize - 1) / batchSize
    }

    public func makeIterator() -> Iterator {
        let order = shuffle ? generator.shuffled(dataset.count) : Array(0..<dataset.count)
        return Iterator(loader: self, order: order)
    }

    public struct Iterator: IteratorProtocol {
        let loader: DataLoader
        let order: [Int]
        var position = 0

        public mutating func next() -> Batch? {
            let n = order.count
            guard position < n else { return nil }
            let end = Swift.min(n, position + loader.batchSize)
            if loader.dropLast && end - position < loader.batchSize { return nil }
            let rows = Array(order[position..<end])
            position = end
            let data = loader.dataset
            return Batch(features: data.features.gather(rows: rows),
                         labels: data.labels.map { labels in rows.map { labels[$0] } },
                         targets: data.targets?.gather(rows: rows),
                         indices: rows)
        }
    }
}
