import Foundation

/// A deterministic, locale-free number format used by tables and axis labels.
///
/// Formatting never consults the locale, so "0.5" is always written with a dot and the same
/// value always gives the same bytes. Negative zero (and any value that rounds to zero) prints
/// without a minus sign. Non-finite values print as "NaN", "inf" or "-inf".
public enum NumberFormat: Sendable, Equatable, Hashable {
    /// A fixed number of digits after the decimal point: `.fixed(3)` gives "0.500".
    case fixed(Int)
    /// Scientific notation with `digits` mantissa decimals and a two-digit signed exponent:
    /// `.scientific(2)` gives "1.23e-04".
    case scientific(Int)
    /// The value times 100 with `digits` decimals and a percent sign: `.percent(1)` gives "12.5%".
    case percent(Int)
    /// Plain decimals (up to 4 significant digits, trailing zeros removed) for magnitudes in
    /// [1e-3, 1e6); scientific with up to 2 mantissa decimals (trailing zeros removed) outside:
    /// 0.5 -> "0.5", 0.000123 -> "1.23e-04", 1e-5 -> "1e-05", 2500000 -> "2.5e+06".
    case automatic

    /// Formats `value` with this format.
    public func format(_ value: Double) -> String {
        guard value.isFinite else {
            if value.isNaN { return "NaN" }
            return value < 0 ? "-inf" : "inf"
        }
        switch self {
        case .fixed(let digits):
            return NumberFormat.fixedString(value, digits: max(0, digits))
        case .scientific(let digits):
            return NumberFormat.scientificString(value, digits: max(0, digits), trimZeros: false)
        case .percent(let digits):
            return NumberFormat.fixedString(value * 100, digits: max(0, digits)) + "%"
        case .automatic:
            let magnitude = abs(value)
            if magnitude == 0 { return "0" }
            if magnitude < 1e-3 || magnitude >= 1e6 {
                return NumberFormat.scientificString(value, digits: 2, trimZeros: true)
            }
            // 4 significant digits: the number of decimals depends on the magnitude.
            let exponent = Int(floor(log10(magnitude)))
            let digits = max(0, 3 - exponent)
            return NumberFormat.trimmingZeros(NumberFormat.fixedString(value, digits: digits))
        }
    }

    /// Formats `value` with `format`: `NumberFormat.format(0.5, .fixed(3)) == "0.500"`.
    public static func format(_ value: Double, _ format: NumberFormat) -> String {
        format.format(value)
    }

    /// Fixed-point text built from an integer count of the last decimal unit, so no locale or
    /// C `printf` is involved. Falls back to scientific when the scaled value leaves the exact
    /// integer range of a Double (2^53).
    static func fixedString(_ value: Double, digits: Int) -> String {
        let scale = pow(10.0, Double(digits))
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else {
            return scientificString(value, digits: 3, trimZeros: true)
        }
        let units = UInt64(scaled)
        var text = String(units)
        if digits > 0 {
            if text.count <= digits {
                text = String(repeating: "0", count: digits - text.count + 1) + text
            }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        return (value < 0 && units != 0) ? "-" + text : text
    }

    /// Scientific text "m.mmme±XX" with the mantissa rounded to `digits` decimals.
    static func scientificString(_ value: Double, digits: Int, trimZeros: Bool) -> String {
        let magnitude = abs(value)
        if magnitude == 0 {
            let zero = fixedString(0, digits: digits) + "e+00"
            return trimZeros ? trimmingZeros(fixedString(0, digits: digits)) + "e+00" : zero
        }
        var exponent = Int(floor(log10(magnitude)))
        let scale = pow(10.0, Double(digits))
        var mantissaUnits = (magnitude / pow(10.0, Double(exponent)) * scale).rounded(.toNearestOrAwayFromZero)
        // Rounding can carry into a new decade (9.999 -> 10.00) or log10 can land one low.
        if mantissaUnits >= 10 * scale {
            exponent += 1
            mantissaUnits = (magnitude / pow(10.0, Double(exponent)) * scale).rounded(.toNearestOrAwayFromZero)
        } else if mantissaUnits < scale {
            exponent -= 1
            mantissaUnits = (magnitude / pow(10.0, Double(exponent)) * scale).rounded(.toNearestOrAwayFromZero)
        }
        var mantissa = fixedString(mantissaUnits / scale, digits: digits)
        if trimZeros { mantissa = trimmingZeros(mantissa) }
        let exponentSign = exponent < 0 ? "-" : "+"
        let exponentDigits = String(abs(exponent))
        let paddedExponent = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
        return (value < 0 ? "-" : "") + mantissa + "e" + exponentSign + paddedExponent
    }

    /// Removes trailing zeros after a decimal point ("2.500" -> "2.5", "3.000" -> "3").
    static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.last == "0" { result = result.dropLast() }
        if result.last == "." { result = result.dropLast() }
        return result == "-0" ? "0" : String(result)
    }
}

/// Formats an SVG coordinate or length with at most 2 decimals, trailing zeros removed, so the
/// same geometry always gives the same bytes. Non-finite input is a programmer error upstream
/// (charts filter it), so it is written as 0 rather than emitting "nan" into the document.
func svgNumber(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    return NumberFormat.trimmingZeros(NumberFormat.fixedString(value, digits: 2))
}
