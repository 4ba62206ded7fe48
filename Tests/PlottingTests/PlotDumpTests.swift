import Foundation
import XCTest
@testable import Plotting

/// Writes every sample chart to /tmp/plots/<name>.svg when PLOTS_DUMP=1, for looking at them
/// (for example with `rsvg-convert`). Skipped otherwise so the suite does no file I/O.
final class PlotDumpTests: XCTestCase {
    func testDumpSampleCharts() throws {
        guard ProcessInfo.processInfo.environment["PLOTS_DUMP"] == "1" else {
            throw XCTSkip("set PLOTS_DUMP=1 to write sample SVGs to /tmp/plots")
        }
        let folder = URL(fileURLWithPath: "/tmp/plots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, chart) in SampleCharts.all() + SampleCharts.seamChecks() {
            try chart.svg().write(to: folder.appendingPathComponent(name + ".svg"), atomically: true, encoding: .utf8)
        }
        let table = Table(caption: "Sample", columns: ["i", "x_i", "x_i − μ_B", Table.Column("accuracy", format: .percent(1))],
                          rows: [[1, 0.5, -0.25, 0.512], [2, 1.0, 0.25, 0.987]])
        try table.html().write(to: folder.appendingPathComponent("table.html"), atomically: true, encoding: .utf8)
    }
}
