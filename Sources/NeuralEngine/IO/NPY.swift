import Foundation

/// Reading and writing NumPy `.npy` files, so engine results can be compared with NumPy and PyTorch
/// (`numpy.load` / `numpy.save`).
///
/// Reads little-endian float32 (`<f4`) and float64 (`<f8`) arrays as tensors of that dtype, and
/// integer arrays (`<i8`, `<i4`, `<i2`, `|i1`, `<u8`, `<u4`, `<u2`, `|u1`) either as float64 tensors
/// (``decode(_:path:)``) or as plain `[Int]` (``decodeIntegers(_:path:)``, ``readLabels(from:)-(URL)``);
/// Fortran-ordered arrays are reordered to C order. Writes tensors as float32 or float64 and integer
/// arrays (labels, indices) as int64, C order, format 1.0.
public enum NPY {
    /// Decodes `.npy` bytes into a tensor; `path` only names the source in errors.
    public static func decode(_ data: Data, path: String = "<data>") throws -> Tensor {
        try withArray(data, path: path) { base, array in
            let n = Shape.count(array.shape)
            switch array.element {
            case .float32: return Tensor(shape: array.shape, f32: array.cOrder((0..<n).map { array.element.float(base, $0) }))
            default: return Tensor(shape: array.shape, f64: array.cOrder((0..<n).map { array.element.double(base, $0) }))
            }
        }
    }

    /// Decodes an integer `.npy` array as plain integers in C order, with its shape. Throws, naming
    /// `path`, for float arrays and for unsigned 64-bit values above `Int.max`.
    public static func decodeIntegers(_ data: Data, path: String = "<data>") throws -> (values: [Int], shape: [Int]) {
        try withArray(data, path: path) { base, array in
            guard array.element.isInteger else {
                throw NPYError(path: path, reason: "holds \(array.element == .float32 ? "float32" : "float64") values, not integers (read it with Tensor.load(npy:))")
            }
            var values: [Int] = []
            values.reserveCapacity(Shape.count(array.shape))
            for i in 0..<Shape.count(array.shape) {
                guard let v = array.element.integer(base, i) else {
                    throw NPYError(path: path, reason: "value at index \(i) does not fit in Int")
                }
                values.append(v)
            }
            return (array.cOrder(values), array.shape)
        }
    }

    /// Parses the header, checks that the data is complete, and calls `body` with the data's address.
    private static func withArray<R>(_ data: Data, path: String, _ body: (UnsafeRawPointer, NPYArray) throws -> R) throws -> R {
        let bytes = [UInt8](data)
        let (header, offset) = try NPYHeader.parse(bytes, path: path)
        guard let element = NPYElement(descr: header.descr) else {
            throw NPYError(path: path, reason: "cannot read .npy: unsupported dtype '\(header.descr)' (supported: \(NPYElement.supported))")
        }
        let n = Shape.count(header.shape)
        guard bytes.count >= offset + n * element.size else {
            throw NPYError(path: path, reason: "invalid .npy: data truncated: \(bytes.count - offset) bytes for \(n) elements of '\(header.descr)'")
        }
        let array = NPYArray(element: element, shape: header.shape, fortranOrder: header.fortranOrder)
        return try bytes.withUnsafeBytes { raw in try body(raw.baseAddress! + offset, array) }
    }

    /// The `.npy` bytes of `tensor` (its own dtype: `<f4` or `<f8`, C order).
    public static func encode(_ tensor: Tensor) -> Data {
        var data = Data(NPYHeader(descr: tensor.dtype == .float32 ? "<f4" : "<f8", fortranOrder: false, shape: tensor.shape).encoded())
        switch tensor.dtype {
        case .float32:
            data.reserveCapacity(data.count + tensor.count * 4)
            for v in tensor.f32 { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        case .float64:
            data.reserveCapacity(data.count + tensor.count * 8)
            for v in tensor.f64 { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        }
        return data
    }

    /// The `.npy` bytes of integers as NumPy's int64 (`<i8`, C order): labels, indices, counts.
    /// Traps (programmer error) when `values` does not fill `shape`.
    public static func encode(int64 values: [Int], shape: [Int]) -> Data {
        if values.count != Shape.count(shape) {
            fatalError("NPY.encode: \(values.count) values do not fill shape \(ShapeError.describe(shape))")
        }
        var data = Data(NPYHeader(descr: "<i8", fortranOrder: false, shape: shape).encoded())
        data.reserveCapacity(data.count + values.count * 8)
        for v in values { withUnsafeBytes(of: Int64(v).littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// Writes integers to a `.npy` file as int64 (replacing it); ``readIntegers(from:)`` and
    /// ``readLabels(from:)-(URL)`` give them back as `[Int]`, ``read(from:)`` as a float64 tensor.
    public static func write(int64 values: [Int], shape: [Int], to url: URL) throws {
        do { try encode(int64: values, shape: shape).write(to: url, options: .atomic) } catch {
            throw NPYError(path: url.path, reason: "cannot write .npy file (\(error.localizedDescription))")
        }
    }

    /// Reads a `.npy` file as a tensor.
    public static func read(from url: URL) throws -> Tensor {
        try decode(contents(of: url), path: url.path)
    }

    /// Reads an integer `.npy` file as plain integers in C order, with its shape.
    public static func readIntegers(from url: URL) throws -> (values: [Int], shape: [Int]) {
        try decodeIntegers(contents(of: url), path: url.path)
    }

    /// Reads a 1-D integer `.npy` file of class labels (as `numpy.save("y.npy", labels)` writes them),
    /// ready for ``crossEntropy(logits:labels:)`` or a ``Dataset``.
    public static func readLabels(from url: URL) throws -> [Int] {
        let (values, shape) = try readIntegers(from: url)
        guard shape.count == 1 else {
            throw NPYError(path: url.path, reason: "labels must be a 1-D array, got shape \(ShapeError.describe(shape)) (read it with NPY.readIntegers(from:))")
        }
        return values
    }

    /// Reads a 1-D integer `.npy` file of class labels from a path.
    public static func readLabels(from path: String) throws -> [Int] {
        try readLabels(from: URL(fileURLWithPath: path))
    }

    /// Writes `tensor` to a `.npy` file (replacing it).
    public static func write(_ tensor: Tensor, to url: URL) throws {
        do { try encode(tensor).write(to: url, options: .atomic) } catch {
            throw NPYError(path: url.path, reason: "cannot write .npy file (\(error.localizedDescription))")
        }
    }

    private static func contents(of url: URL) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw NPYError(path: url.path, reason: "cannot read .npy file (\(error.localizedDescription))")
        }
    }
}

extension Tensor {
    /// Loads a tensor from a NumPy `.npy` file (see ``NPY``).
    public static func load(npy url: URL) throws -> Tensor { try NPY.read(from: url) }

    /// Loads a tensor from a NumPy `.npy` file at `path` (relative paths start at the current directory).
    public static func load(npy path: String) throws -> Tensor { try NPY.read(from: URL(fileURLWithPath: path)) }

    /// Saves this tensor as a NumPy `.npy` file (see ``NPY``).
    public func save(npy url: URL) throws { try NPY.write(self, to: url) }

    /// Saves this tensor as a NumPy `.npy` file at `path`.
    public func save(npy path: String) throws { try NPY.write(self, to: URL(fileURLWithPath: path)) }
}
