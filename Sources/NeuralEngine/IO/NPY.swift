import Foundation

/// Reading and writing NumPy `.npy` files, so engine results can be compared with NumPy and PyTorch
/// (`numpy.load` / `numpy.save`).
///
/// Reads little-endian float32 (`<f4`), float64 (`<f8`) and integers (`<i8`, `<i4`, `|u1`, `|i1`, as
/// float64 tensors); Fortran-ordered arrays are reordered to C order. Writes tensors as float32 or
/// float64 and integer arrays (labels, indices) as int64, C order, format 1.0.
public enum NPY {
    /// Decodes `.npy` bytes; `path` only names the source in errors.
    public static func decode(_ data: Data, path: String = "<data>") throws -> Tensor {
        let bytes = [UInt8](data)
        let (header, offset) = try NPYHeader.parse(bytes, path: path)
        let n = Shape.count(header.shape)
        let dtypeSize: Int
        switch header.descr {
        case "<f4", "<i4": dtypeSize = 4
        case "<f8", "<i8": dtypeSize = 8
        case "|u1", "|i1", "<u1", "<i1": dtypeSize = 1
        default: throw NPYError(path: path, reason: "cannot read .npy: unsupported dtype '\(header.descr)' (supported: <f4, <f8, <i8, <i4, |u1, |i1)")
        }
        guard bytes.count >= offset + n * dtypeSize else {
            throw NPYError(path: path, reason: "invalid .npy: data truncated: \(bytes.count - offset) bytes for \(n) elements of '\(header.descr)'")
        }
        let storageShape = header.fortranOrder ? Array(header.shape.reversed()) : header.shape
        let tensor: Tensor = bytes.withUnsafeBytes { raw in
            let base = raw.baseAddress! + offset
            switch header.descr {
            case "<f4": return Tensor(shape: storageShape, f32: (0..<n).map { Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) })
            case "<f8": return Tensor(shape: storageShape, f64: (0..<n).map { Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) })
            case "<i8": return Tensor(shape: storageShape, f64: (0..<n).map { Double(Int64(littleEndian: base.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self))) })
            case "<i4": return Tensor(shape: storageShape, f64: (0..<n).map { Double(Int32(littleEndian: base.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self))) })
            case "|i1", "<i1": return Tensor(shape: storageShape, f64: (0..<n).map { Double(base.load(fromByteOffset: $0, as: Int8.self)) })
            default: return Tensor(shape: storageShape, f64: (0..<n).map { Double(base.load(fromByteOffset: $0, as: UInt8.self)) })
            }
        }
        return header.fortranOrder && tensor.rank > 1 ? noGrad { tensor.permute(Array((0..<tensor.rank).reversed())) } : tensor
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

    /// Writes integers to a `.npy` file as int64 (replacing it); `NPY.read` gives them back as a
    /// float64 tensor (exact up to 2⁵³).
    public static func write(int64 values: [Int], shape: [Int], to url: URL) throws {
        do { try encode(int64: values, shape: shape).write(to: url, options: .atomic) } catch {
            throw NPYError(path: url.path, reason: "cannot write .npy file (\(error.localizedDescription))")
        }
    }

    /// Reads a `.npy` file.
    public static func read(from url: URL) throws -> Tensor {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw NPYError(path: url.path, reason: "cannot read .npy file (\(error.localizedDescription))")
        }
        return try decode(data, path: url.path)
    }

    /// Writes `tensor` to a `.npy` file (replacing it).
    public static func write(_ tensor: Tensor, to url: URL) throws {
        do { try encode(tensor).write(to: url, options: .atomic) } catch {
            throw NPYError(path: url.path, reason: "cannot write .npy file (\(error.localizedDescription))")
        }
    }
}

extension Tensor {
    /// Loads a tensor from a NumPy `.npy` file (see ``NPY``).
    public static func load(npy url: URL) throws -> Tensor { try NPY.read(from: url) }

    /// Saves this tensor as a NumPy `.npy` file (see ``NPY``).
    public func save(npy url: URL) throws { try NPY.write(self, to: url) }
}
