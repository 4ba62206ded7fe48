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
            var line = workload.name.padding(toLength: 28, withPad: " ", startingAt: 0)
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
            print(MLPMemoryWorkload.name.padding(toLength: 28, withPad: " ", startingAt: 0)
                + "peak RSS \(result.shortSteps) steps \(result.shortPeakKB) KiB, \(result.longSteps) steps \(result.longPeakKB) KiB, ratio \(fixed(result.ratio, 3)) (target ≤ 1.1)")
        }
    }
}

extension Report {
    /// The per-phase profile of a training step: median milliseconds, share of the summed phases,
    /// GFLOP/s where the phase is a product, effective GB/s (see `PhaseCost`), and the machine's copy
    /// bandwidth measured just before, for scale.
    static func phases(_ workload: String, _ profile: [(phase: SequentialStep.Phase, seconds: Double, cpuSeconds: Double)],
                       copyGBps: Double, json: Bool) {
        let total = profile.reduce(0) { $0 + $1.seconds }
        if json {
            for (phase, seconds, cpuSeconds) in profile {
                var fields = ["\"name\": \"\(workload)\"", "\"phase\": \"\(phase.name)\"", "\"median_ms\": \(fixed(seconds * 1e3, 3))",
                              "\"cpu_ms\": \(fixed(cpuSeconds * 1e3, 3))"]
                if let flops = phase.cost.flops { fields.append("\"gflops\": \(fixed(flops / seconds / 1e9, 1))") }
                fields.append("\"gbps\": \(fixed(phase.cost.bytes / seconds / 1e9, 1))")
                print("{" + fields.joined(separator: ", ") + "}")
            }
            print("{\"name\": \"\(workload)\", \"phase\": \"sum of phases\", \"median_ms\": \(fixed(total * 1e3, 3)), \"copy_gbps\": \(fixed(copyGBps, 1))}")
            return
        }
        print("\(workload) phases (medians; effective GB/s counts each input read and each output written once; copy bandwidth \(fixed(copyGBps, 1)) GB/s):")
        print("  " + "phase".padding(toLength: 32, withPad: " ", startingAt: 0) + "      ms  share   CPU ms  GFLOP/s     GB/s")
        for (phase, seconds, cpuSeconds) in profile {
            let gflops = phase.cost.flops.map { fixed($0 / seconds / 1e9, 1) } ?? "-"
            let gbps = phase.cost.bytes > 0 ? fixed(phase.cost.bytes / seconds / 1e9, 1) : "-"
            print("  " + phase.name.padding(toLength: 32, withPad: " ", startingAt: 0)
                  + pad(fixed(seconds * 1e3, 3), 8) + pad(fixed(100 * seconds / total, 1) + "%", 7) + pad(fixed(cpuSeconds * 1e3, 3), 9)
                  + pad(gflops, 9) + pad(gbps, 9))
        }
        print("  " + "sum of phases".padding(toLength: 32, withPad: " ", startingAt: 0) + pad(fixed(total * 1e3, 3), 8))
    }

    static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: Swift.max(0, width - text.count)) + text
    }
}
