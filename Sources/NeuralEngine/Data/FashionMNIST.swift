import Foundation

extension Datasets {
    /// Which part of Fashion-MNIST to load.
    public enum Split: String, Sendable { case train, test }

    /// The ten Fashion-MNIST classes, index = label.
    public static let fashionMNISTClassNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

    /// Fashion-MNIST (Xiao, Rasul & Vollgraf 2017): 28×28 grey images of clothing, 60 000 train and
    /// 10 000 test, 10 classes. Features `[N, 1, 28, 28]` scaled to [0, 1]; `limit` keeps the first N.
    ///
    /// Reads the IDX files of Debian's `dataset-fashion-mnist` package from
    /// `/usr/share/datasets/fashion-mnist/` (or `directory`).
    public static func fashionMNIST(split: Split = .train, limit: Int? = nil, directory: URL? = nil) throws -> Dataset {
        let dir = directory ?? URL(fileURLWithPath: "/usr/share/datasets/fashion-mnist", isDirectory: true)
        let prefix = split == .train ? "train" : "t10k"
        let imagesURL = dir.appendingPathComponent("\(prefix)-images-idx3-ubyte.gz")
        let labelsURL = dir.appendingPathComponent("\(prefix)-labels-idx1-ubyte.gz")
        for url in [imagesURL, labelsURL] where !FileManager.default.fileExists(atPath: url.path) {
            throw DataError(path: url.path, reason: "Fashion-MNIST is missing: run `apt-get install dataset-fashion-mnist`")
        }
        let images = try IDX.parse(try DataFiles.read(imagesURL), path: imagesURL.path, expectedRank: 3)
        let labels = try IDX.parse(try DataFiles.read(labelsURL), path: labelsURL.path, expectedRank: 1)
        if images.dims[0] != labels.dims[0] {
            throw DataError(path: labelsURL.path, reason: "\(labels.dims[0]) labels for \(images.dims[0]) images")
        }
        let n = Swift.min(limit ?? images.dims[0], images.dims[0])
        let pixels = images.dims[1] * images.dims[2]
        var values = [Float](repeating: 0, count: n * pixels)
        images.bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            for i in 0..<(n * pixels) { values[i] = Float(bytes[images.offset + i]) / 255 }
        }
        let labelValues = labels.bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Int] in
            let bytes = raw.bindMemory(to: UInt8.self)
            return (0..<n).map { Int(bytes[labels.offset + $0]) }
        }
        return Dataset(features: Tensor(values, shape: [n, 1, images.dims[1], images.dims[2]]),
                       labels: labelValues, classNames: fashionMNISTClassNames)
    }
}

/// The IDX format of (Fashion-)MNIST: magic 0x0000 08 NN (unsigned bytes, NN axes), NN big-endian
/// UInt32 sizes, then the bytes in row-major order.
enum IDX {
    struct File {
        let bytes: Data
        let dims: [Int]
        /// Byte offset of the first element.
        let offset: Int
    }

    static func parse(_ data: Data, path: String, expectedRank: Int) throws -> File {
        let bytes = [UInt8](data.prefix(4 + 4 * expectedRank))
        guard bytes.count == 4 + 4 * expectedRank, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0x08,
              Int(bytes[3]) == expectedRank else {
            throw DataError(path: path, reason: "not an IDX file of unsigned bytes with \(expectedRank) axes")
        }
        var dims: [Int] = []
        for axis in 0..<expectedRank {
            let o = 4 + 4 * axis
            dims.append(Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3]))
        }
        let offset = 4 + 4 * expectedRank
        let needed = offset + dims.reduce(1, *)
        guard data.count >= needed else {
            throw DataError(path: path, reason: "truncated: \(data.count) bytes, header promises \(needed)")
        }
        return File(bytes: data, dims: dims, offset: offset)
    }
}
