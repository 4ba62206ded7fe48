import Foundation

/// Typed access to a tensor's storage, so kernels can be written once, generically over `TensorScalar`.
extension Tensor {
    /// The storage as `[T]` (no copy: arrays are copy-on-write). `T` must match `dtype`.
    @inline(__always)
    func storage<T: TensorScalar>(_: T.Type) -> [T] {
        if T.self == Float.self { return unsafeBitCast(f32, to: [T].self) }
        return unsafeBitCast(f64, to: [T].self)
    }

    /// A tensor of the given shape owning `values`.
    @inline(__always)
    static func make<T: TensorScalar>(_ values: [T], shape: [Int]) -> Tensor {
        if T.self == Float.self { return Tensor(shape: shape, f32: unsafeBitCast(values, to: [Float].self)) }
        return Tensor(shape: shape, f64: unsafeBitCast(values, to: [Double].self))
    }

    /// Calls `body` with a read-only pointer to the storage.
    @inline(__always)
    func withBuffer<T: TensorScalar, R>(_: T.Type, _ body: (UnsafeBufferPointer<T>) throws -> R) rethrows -> R {
        if T.self == Float.self {
            return try f32.withUnsafeBufferPointer { try body(OpaquePointerCast.cast($0, to: T.self)) }
        }
        return try f64.withUnsafeBufferPointer { try body(OpaquePointerCast.cast($0, to: T.self)) }
    }

    /// Calls `body` with a mutable pointer to the storage (in-place updates; no graph is recorded).
    @inline(__always)
    func withMutableBuffer<T: TensorScalar, R>(_: T.Type, _ body: (UnsafeMutableBufferPointer<T>) throws -> R) rethrows -> R {
        if T.self == Float.self {
            return try f32.withUnsafeMutableBufferPointer { try body(OpaquePointerCast.castMutable($0, to: T.self)) }
        }
        return try f64.withUnsafeMutableBufferPointer { try body(OpaquePointerCast.castMutable($0, to: T.self)) }
    }
}

/// Reinterprets buffer pointers between `Float`/`Double` and a generic `T` known to be the same type.
enum OpaquePointerCast {
    @inline(__always)
    static func cast<A, B>(_ p: UnsafeBufferPointer<A>, to: B.Type) -> UnsafeBufferPointer<B> {
        UnsafeBufferPointer(start: p.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: B.self) }, count: p.count)
    }

    @inline(__always)
    static func castMutable<A, B>(_ p: UnsafeMutableBufferPointer<A>, to: B.Type) -> UnsafeMutableBufferPointer<B> {
        UnsafeMutableBufferPointer(start: p.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: B.self) }, count: p.count)
    }
}

/// Allocates an array of `count` elements filled by `body` (no zero-initialisation pass).
@inline(__always)
func makeArray<T>(_ count: Int, _ body: (UnsafeMutablePointer<T>) -> Void) -> [T] {
    [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        if count > 0 { body(buffer.baseAddress!) }
        initialized = count
    }
}

/// Element count above which element-wise loops are split across `Parallel` workers.
/// Splits depend only on the element count, so results never depend on the thread count.
let parallelElementThreshold = 1 << 16
