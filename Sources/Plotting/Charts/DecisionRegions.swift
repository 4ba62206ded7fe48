/// Class predictions on a regular grid over a rectangle, drawn as a pale background behind a
/// scatter plot to show a classifier's decision regions.
///
/// `predictions[row][column]` is the class of the cell whose lower-left corner is
/// (xRange.lowerBound + column * dx, yRange.lowerBound + row * dy), with
/// dx = xRange width / columns and dy = yRange height / rows: row 0 is the bottom row.
/// Evaluate the model at cell centres (`cellCentres`) to fill it.
public struct DecisionRegions: Sendable, Equatable {
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var predictions: [[Int]]

    /// Traps when rows have different lengths or the grid is empty.
    public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, predictions: [[Int]]) {
        guard let columns = predictions.first?.count, columns > 0 else {
            fatalError("DecisionRegions needs at least one row and column, got \(predictions.count) rows")
        }
        for (index, row) in predictions.enumerated() where row.count != columns {
            fatalError("DecisionRegions row \(index) has \(row.count) columns, expected \(columns)")
        }
        self.xRange = xRange
        self.yRange = yRange
        self.predictions = predictions
    }

    /// The centres of a `rows` x `columns` grid over the rectangle, row-major from the bottom
    /// row: evaluate a classifier at these points, then reshape into `predictions`.
    public static func cellCentres(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                                   rows: Int, columns: Int) -> [(x: Double, y: Double)] {
        let dx = (xRange.upperBound - xRange.lowerBound) / Double(columns)
        let dy = (yRange.upperBound - yRange.lowerBound) / Double(rows)
        var centres: [(x: Double, y: Double)] = []
        centres.reserveCapacity(rows * columns)
        for row in 0..<rows {
            for column in 0..<columns {
                centres.append((xRange.lowerBound + (Double(column) + 0.5) * dx,
                                yRange.lowerBound + (Double(row) + 0.5) * dy))
            }
        }
        return centres
    }
}
