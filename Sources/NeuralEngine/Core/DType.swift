import Foundation

/// The element type of a ``Tensor``.
///
/// `float32` is the default (fast, what the book trains with); `float64` is used by gradient checks,
/// where central differences need the extra precision (CS231n, "Gradient checks").
public enum DType: String, Sendable, CustomStringConvertible {
    /// IEEE-754 single precision (`Float`).
    case float32
    /// IEEE-754 double precision (`Double`).
    case float64

    /// Size of one element in bytes.
    public var byteSize: Int { self == .float32 ? 4 : 8 }

    public var description: String { rawValue }
}

/// The scalar types a tensor can hold, with the elementary functions the kernels need.
///
/// Kernels are written once, generically over `TensorScalar`, and specialised by the optimiser for
/// `Float` and `Double` (whole-module optimisation), so the inner loops stay tight. `Codable` is
/// stated because `SIMDScalar`'s vector types require it of their scalar (the compiler asks for it).
protocol TensorScalar: BinaryFloatingPoint, SIMDScalar, Sendable, Codable {
    static var dtype: DType { get }
    static func expValue(_ x: Self) -> Self
    static func logValue(_ x: Self) -> Self
    static func tanhValue(_ x: Self) -> Self
    static func sqrtValue(_ x: Self) -> Self
    static func powValue(_ x: Self, _ p: Self) -> Self
    static func log1pValue(_ x: Self) -> Self
    static func erfValue(_ x: Self) -> Self
}

extension Float: TensorScalar {
    static var dtype: DType { .float32 }
    @inline(__always) static func expValue(_ x: Float) -> Float { Foundation.expf(x) }
    @inline(__always) static func logValue(_ x: Float) -> Float { Foundation.logf(x) }
    @inline(__always) static func tanhValue(_ x: Float) -> Float { Foundation.tanhf(x) }
    @inline(__always) static func sqrtValue(_ x: Float) -> Float { x.squareRoot() }
    @inline(__always) static func powValue(_ x: Float, _ p: Float) -> Float { Foundation.powf(x, p) }
    @inline(__always) static func log1pValue(_ x: Float) -> Float { Foundation.log1pf(x) }
    @inline(__always) static func erfValue(_ x: Float) -> Float { Foundation.erff(x) }
}

extension Double: TensorScalar {
    static var dtype: DType { .float64 }
    @inline(__always) static func expValue(_ x: Double) -> Double { Foundation.exp(x) }
    @inline(__always) static func logValue(_ x: Double) -> Double { Foundation.log(x) }
    @inline(__always) static func tanhValue(_ x: Double) -> Double { Foundation.tanh(x) }
    @inline(__always) static func sqrtValue(_ x: Double) -> Double { x.squareRoot() }
    @inline(__always) static func powValue(_ x: Double, _ p: Double) -> Double { Foundation.pow(x, p) }
    @inline(__always) static func log1pValue(_ x: Double) -> Double { Foundation.log1p(x) }
    @inline(__always) static func erfValue(_ x: Double) -> Double { Foundation.erf(x) }
}
