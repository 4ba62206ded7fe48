/// Line charts over repeated runs: one line through the runs' centre at every x, and a shaded band
/// (Plotting's `LineBand`) showing how far the runs spread, computed with `Spread` so the chart
/// and the tables beside it agree on what "mean" and "sd" mean.
extension LineSeries {
    /// What the line follows at each x.
    public enum Center: Sendable, Equatable {
        /// The arithmetic mean of the runs.
        case mean
        /// The geometric mean, for quantities that vary by factors (norms on a log axis).
        case geometricMean
    }

    /// What the band covers at each x.
    public enum BandExtent: Sendable, Equatable {
        /// From the lowest to the highest run: every run lies inside the band.
        case range
        /// Mean ± one sample standard deviation (divisor n − 1) of the runs.
        case standardDeviation
    }

    /// One line over several runs: `runs[r][i]` is run r's value at `x[i]`. The line goes through
    /// the runs' `center` at each x, and the band covers `band` (by default the lowest to the
    /// highest run). `unit` names a run in the chart's text alternative ("lowest to highest of 5
    /// seeds"). Traps when there are no runs or a run's length differs from `x`'s.
    public init(name: String, x: [Double], runs: [[Double]], center: Center = .mean, band: BandExtent = .range,
                unit: String = "seed", showMarkers: Bool? = nil, dashed: Bool = false) {
        precondition(!runs.isEmpty, "LineSeries '\(name)': no runs")
        for (index, run) in runs.enumerated() where run.count != x.count {
            preconditionFailure("LineSeries '\(name)': run \(index) has \(run.count) values for \(x.count) x values")
        }
        let spreads = x.indices.map { i in Spread(runs.map { $0[i] }) }
        let line = spreads.map { center == .mean ? $0.mean : $0.geometricMean }
        let runCount = counted(runs.count, unit)
        let lineBand: LineBand
        switch band {
        case .range:
            lineBand = LineBand(lower: spreads.map(\.min), upper: spreads.map(\.max),
                                meaning: "lowest to highest of \(runCount)")
        case .standardDeviation:
            lineBand = LineBand(lower: spreads.map { $0.mean - $0.sd }, upper: spreads.map { $0.mean + $0.sd },
                                meaning: "mean ± sd over \(runCount)")
        }
        self.init(name: name, x: x, y: line, showMarkers: showMarkers, dashed: dashed, band: lineBand)
    }
}
