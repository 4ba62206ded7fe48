/// The element types of `.npy` data this reader understands, from the header's `descr`: little-endian
/// (or single-byte) IEEE floats and two's-complement or unsigned integers of 1, 2, 4 or 8 bytes.
enum NPYElement: Equatable {
    case float32, float64
    case signed(bytes: Int)
    case unsigned(bytes: Int)

    /// The `descr` values accepted, for error messages.
    static let supported = "<f4, <f8, <i8, <i4, <i2, |i1, <u8, <u4, <u2, |u1"

    init?(descr: String) {
        switch descr {
        case "<f4": self = .float32
        case "<f8": self = .float64
        case "<i8": self = .signed(bytes: 8)
        case "<i4": self = .signed(bytes: 4)
        case "<i2": self = .signed(bytes: 2)
        case "|i1", "<i1": self = .signed(bytes: 1)
        case "<u8": self = .unsigned(bytes: 8)
        case "<u4": self = .unsigned(bytes: 4)
        case "<u2": self = .unsigned(bytes: 2)
        case "|u1", "<u1": self = .unsigned(bytes: 1)
        default: return nil
        }
    }

    var size: Int {
        switch self {
        case .float32: return 4
        case .float64: return 8
        case .signed(let bytes), .unsigned(let bytes): return bytes
        }
    }

    var isInteger: Bool { self != .float32 && self != .float64 }

    /// Element `i` of an integer array as Int, or nil for an unsigned 64-bit value above `Int.max`.
    func integer(_ base: UnsafeRawPointer, _ i: Int) -> Int? {
        switch self {
        case .signed(bytes: 8): return Int(Int64(littleEndian: base.loadUnaligned(fromByteOffset: i * 8, as: Int64.self)))
        case .signed(bytes: 4): return Int(Int32(littleEndian: base.loadUnaligned(fromByteOffset: i * 4, as: Int32.self)))
        case .signed(bytes: 2): return Int(Int16(littleEndian: base.loadUnaligned(fromByteOffset: i * 2, as: Int16.self)))
        case .signed: return Int(base.load(fromByteOffset: i, as: Int8.self))
        case .unsigned(bytes: 8): return Int(exactly: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)))
        case .unsigned(bytes: 4): return Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)))
        case .unsigned(bytes: 2): return Int(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self)))
        case .unsigned: return Int(base.load(fromByteOffset: i, as: UInt8.self))
        case .float32, .float64: return nil
        }
    }

    /// Element `i` as Double (integers exactly up to 2⁵³).
    func double(_ base: UnsafeRawPointer, _ i: Int) -> Double {
        switch self {
        case .float32: return Double(Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))))
        case .float64: return Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)))
        case .unsigned(bytes: 8): return Double(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)))
        default: return Double(integer(base, i)!)
        }
    }

    /// Element `i` of a float32 array.
    func float(_ base: UnsafeRawPointer, _ i: Int) -> Float {
        Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)))
    }
}

/// An array's layout in a `.npy` file: element type, shape, and storage order.
struct NPYArray {
    let element: NPYElement
    let shape: [Int]
    let fortranOrder: Bool

    /// Values read in storage order, put into C (row-major) order. In Fortran order element
    /// (i₀, …, i_k) is stored at offset Σ i_j·(shape[0]·…·shape[j−1]).
    func cOrder<T>(_ values: [T]) -> [T] {
        guard fortranOrder, shape.count > 1 else { return values }
        var strides: [Int] = [], stride = 1
        for d in shape { strides.append(stride); stride *= d }
        return values.withUnsafeBufferPointer { src in
            makeArray(values.count) { dst in StridedLoop.gather(src.baseAddress!, strides: strides, shape: shape, into: dst) }
        }
    }
}
