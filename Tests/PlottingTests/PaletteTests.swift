import Foundation
import XCTest
@testable import Plotting

/// The series colours against the criteria in `Palette`'s documentation: WCAG contrast against
/// each theme's background, and distinctness for normal and colour-blind vision.
final class PaletteTests: XCTestCase {
    typealias RGB = (r: Double, g: Double, b: Double)

    /// "#RRGGBB" as linear-light sRGB components (IEC 61966-2-1 transfer function).
    static func linearRGB(_ hex: String) -> RGB {
        let digits = Array(hex.dropFirst())
        func channel(_ offset: Int) -> Double {
            let value = Double(Int(String(digits[offset..<offset + 2]), radix: 16)!) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return (channel(0), channel(2), channel(4))
    }

    /// WCAG 2.1 relative luminance and contrast ratio.
    static func luminance(_ c: RGB) -> Double { 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b }
    static func contrast(_ a: String, _ b: String) -> Double {
        let la = luminance(linearRGB(a)), lb = luminance(linearRGB(b))
        return (Swift.max(la, lb) + 0.05) / (Swift.min(la, lb) + 0.05)
    }

    /// Dichromat simulation matrices of Machado, Oliveira & Fernandes (2009), severity 1.0, on
    /// linear RGB; `nil` is normal vision.
    static let visions: [(name: String, matrix: [[Double]]?)] = [
        ("normal", nil),
        ("protanopia", [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
        ("deuteranopia", [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
        ("tritanopia", [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
    ]

    /// OKLab coordinates (Ottosson 2020) of a linear sRGB colour as seen with `matrix`.
    static func oklab(_ c: RGB, _ matrix: [[Double]]?) -> [Double] {
        var v = [c.r, c.g, c.b]
        if let matrix {
            v = matrix.map { row in Swift.min(1, Swift.max(0, zip(row, v).map { $0 * $1 }.reduce(0, +))) }
        }
        let m1 = [[0.4122214708, 0.5363325363, 0.0514459929], [0.2119034982, 0.6806995451, 0.1073969566],
                  [0.0883024619, 0.2817188376, 0.6299787005]]
        let m2 = [[0.2104542553, 0.7936177850, -0.0040720468], [1.9779984951, -2.4285922050, 0.4505937099],
                  [0.0259040371, 0.7827717662, -0.8086757660]]
        let lms = m1.map { row in cbrt(zip(row, v).map { $0 * $1 }.reduce(0, +)) }
        return m2.map { row in zip(row, lms).map { $0 * $1 }.reduce(0, +) }
    }

    /// The smallest OKLab distance between any two of `colors` under `matrix`.
    static func minimumDistance(_ colors: [String], _ matrix: [[Double]]?) -> (distance: Double, pair: (Int, Int)) {
        var best = (Double.infinity, (0, 0))
        let points = colors.map { oklab(linearRGB($0), matrix) }
        for i in points.indices {
            for j in points.indices where j > i {
                let d = zip(points[i], points[j]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
                if d < best.0 { best = (d, (i + 1, j + 1)) }
            }
        }
        return best
    }

    func testEverySeriesColourHasGraphicalContrastAgainstItsBackground() {
        for (palette, background) in [(Palette.light, Palette.lightBackground), (Palette.dark, Palette.darkBackground)] {
            for color in palette {
                XCTAssertGreaterThanOrEqual(Self.contrast(color, background), 3, "\(color) on \(background)")
            }
        }
    }

    func testSeriesStayDistinctForNormalAndColourBlindVision() {
        for (name, palette) in [("light", Palette.light), ("dark", Palette.dark)] {
            XCTAssertEqual(palette.count, 8)
            for vision in Self.visions {
                let firstFour = Self.minimumDistance(Array(palette.prefix(4)), vision.matrix)
                XCTAssertGreaterThanOrEqual(firstFour.distance, 0.08, "\(name) \(vision.name): series \(firstFour.pair)")
                let all = Self.minimumDistance(palette, vision.matrix)
                XCTAssertGreaterThanOrEqual(all.distance, 0.06, "\(name) \(vision.name): series \(all.pair)")
            }
        }
    }

    func testTheChecksRejectThePaletteTheyReplace() {
        // The previous light set (plain Okabe–Ito) fails on white, and the previous dark set's
        // blues collapsed for deuteranopes: the tests above can fail.
        XCTAssertLessThan(Self.contrast("#E69F00", Palette.lightBackground), 3)
        let oldDark = ["#4aa3e8", "#f07f3c", "#2cc39a", "#e393c2", "#f2b640", "#8fd0f5", "#f0e442", "#a6a6a6"]
            .map { $0.uppercased() }
        XCTAssertLessThan(Self.minimumDistance(oldDark, Self.visions[2].matrix).distance, 0.06)
    }

    func testSeriesColourFallbacksAreTheLightSet() {
        for index in 0..<8 {
            XCTAssertEqual(Palette.seriesColor(index), "var(--series-\(index + 1), \(Palette.light[index]))")
        }
        XCTAssertEqual(Palette.seriesColor(8), Palette.seriesColor(0))
        XCTAssertEqual(Palette.seriesColor(-1), Palette.seriesColor(7))
    }
}
