import Foundation

// Thin wrappers so files that define `log`/`exp` methods can still reach libm unambiguously.
@inline(__always) func _log(_ x: Double) -> Double { Foundation.log(x) }
@inline(__always) func _sin(_ x: Double) -> Double { Foundation.sin(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Foundation.cos(x) }
