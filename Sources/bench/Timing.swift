import Foundation

/// Wall-clock timing of repeated runs (CLOCK_MONOTONIC), summarised by median, minimum and maximum.
struct TimingSummary {
    let seconds: [Double]   // sorted

    init(_ samples: [Double]) { seconds = samples.sorted() }

    var median: Double {
        let n = seconds.count
        return n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2
    }
    var minimum: Double { seconds.first ?? 0 }
    var maximum: Double { seconds.last ?? 0 }

    /// Runs `body` `warmups` times untimed, then `repetitions` times timed.
    static func measure(warmups: Int, repetitions: Int, _ body: () -> Void) -> TimingSummary {
        for _ in 0..<warmups { body() }
        var samples: [Double] = []
        samples.reserveCapacity(repetitions)
        for _ in 0..<repetitions {
            let start = monotonicNow()
            body()
            samples.append(monotonicNow() - start)
        }
        return TimingSummary(samples)
    }
}

func monotonicNow() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// Fixed formatting (no locale): `digits` decimals.
func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}
