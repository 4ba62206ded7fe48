import Foundation

/// Wall-clock timing of repeated runs (CLOCK_MONOTONIC), summarised by median, minimum and maximum,
/// plus the median process CPU time (all threads, CLOCK_PROCESS_CPUTIME_ID): on a shared machine the
/// wall time of a 1-thread run is inflated by waiting for a core, its CPU time much less so.
struct TimingSummary {
    let seconds: [Double]   // sorted
    let cpuSeconds: [Double]   // sorted

    init(_ samples: [Double], cpu: [Double] = []) {
        seconds = samples.sorted()
        cpuSeconds = cpu.sorted()
    }

    var cpuMedian: Double {
        cpuSeconds.isEmpty ? 0 : TimingSummary(cpuSeconds).median
    }

    var median: Double {
        let n = seconds.count
        return n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2
    }
    var minimum: Double { seconds.first ?? 0 }
    var maximum: Double { seconds.last ?? 0 }

    /// Runs `body` `warmups` times untimed, then `repetitions` times timed.
    static func measure(warmups: Int, repetitions: Int, _ body: () -> Void) -> TimingSummary {
        for _ in 0..<warmups { body() }
        var samples: [Double] = [], cpu: [Double] = []
        for _ in 0..<repetitions {
            let start = monotonicNow(), cpuStart = processCPUNow()
            body()
            samples.append(monotonicNow() - start)
            cpu.append(processCPUNow() - cpuStart)
        }
        return TimingSummary(samples, cpu: cpu)
    }
}

func monotonicNow() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

func processCPUNow() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// Fixed formatting (no locale): `digits` decimals.
func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}
