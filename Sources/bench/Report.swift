/// Prints one workload's result, as a human-readable line or as one JSON object per line:
/// `{"name": "gemm-1024", "median_ms": 7.512, "gflops": 142.9, "min_ms": ..., "max_ms": ..., "cpu_ms": ..., "runs": 15}`
/// (`cpu_ms`: median process CPU time of one run, all threads, idle-spinning workers included).
enum Report {
    static func timed(_ workload: Workload, _ timing: TimingSummary, json: Bool) {
        let gflops = workload.flops.map { $0 / timing.median / 1e9 }
        if json {
            var fields = ["\"name\": \"\(workload.name)\"", "\"median_ms\": \(fixed(timing.median * 1e3, 3))"]
            if let gflops { fields.append("\"gflops\": \(fixed(gflops, 1))") }
            fields += ["\"min_ms\": \(fixed(timing.minimum * 1e3, 3))", "\"max_ms\": \(fixed(timing.maximum * 1e3, 3))",
                       "\"cpu_ms\": \(fixed(timing.cpuMedian * 1e3, 3))", "\"runs\": \(timing.seconds.count)"]
            print("{" + fields.joined(separator: ", ") + "}")
        } else {
            var line = workload.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + "median \(fixed(timing.median * 1e3, 3)) ms  (min \(fixed(timing.minimum * 1e3, 3)), max \(fixed(timing.maximum * 1e3, 3)), \(timing.seconds.count) runs; CPU \(fixed(timing.cpuMedian * 1e3, 3)) ms)"
            if let gflops { line += "  \(fixed(gflops, 1)) GFLOP/s" }
            print(line)
        }
    }

    static func memory(_ result: MLPMemoryWorkload.Result, json: Bool) {
        if json {
            print("{\"name\": \"\(MLPMemoryWorkload.name)\", \"peak_kb_\(result.shortSteps)\": \(result.shortPeakKB), "
                + "\"peak_kb_\(result.longSteps)\": \(result.longPeakKB), \"ratio\": \(fixed(result.ratio, 3))}")
        } else {
            print(MLPMemoryWorkload.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + "peak RSS \(result.shortSteps) steps \(result.shortPeakKB) KiB, \(result.longSteps) steps \(result.longPeakKB) KiB, ratio \(fixed(result.ratio, 3)) (target ≤ 1.1)")
        }
    }
}
