import ArgumentParser
import NeuralEngine

/// `swift run -c release bench [NAME...] [--json] [--phases] [--threads N]`: times the engine's benchmark
/// workloads (defined in the engine issue; reference figures in shared/BENCHMARKS.md). Each workload
/// runs warm-up repetitions, then timed ones, and reports the median (with min and max).
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the NeuralEngine benchmark workloads.",
        discussion: "Workloads: \(Workloads.names.joined(separator: ", ")). Default: all of them.")

    @Argument(help: "Workloads to run (default: all).")
    var names: [String] = []

    @Flag(help: "Print one JSON object per workload.")
    var json = false

    @Flag(help: "After timing a training-step workload, profile its phases (forward and backward of each layer, update): median ms, GFLOP/s and effective GB/s.")
    var phases = false

    @Flag(help: "Run every layer on its own (Sequential.fusesLayers = false): the composite the fused paths replace.")
    var unfused = false

    @Option(help: "Worker threads (default 2, or NEURALBOOK_THREADS).")
    var threads: Int?

    @Option(help: .hidden)
    var memoryChildSteps: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        for name in names where !Workloads.names.contains(name) {
            throw ValidationError("unknown workload '\(name)'; known: \(Workloads.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        if let threads { Parallel.threadCount = threads }
        SequentialStep.fusesLayers = !unfused
        if let steps = memoryChildSteps {
            MLPMemoryWorkload.runChild(steps: steps)
            return
        }
        let selected = names.isEmpty ? Workloads.names : names
        if !json { print("threads: \(Parallel.threadCount)") }
        for name in selected {
            if name == MLPMemoryWorkload.name {
                Report.memory(try MLPMemoryWorkload.measure(threads: Parallel.threadCount), json: json)
                continue
            }
            let workload = Workloads.timed.first { $0.name == name }!
            let body = try workload.prepare()
            let timing = TimingSummary.measure(warmups: workload.warmups, repetitions: workload.repetitions, body)
            Report.timed(workload, timing, json: json)
            if phases, let makeStep = workload.phases {
                // Outside the timed loop: a fresh model, the layers called one by one, gradient hooks.
                let profile = makeStep().profile(warmups: workload.warmups, repetitions: workload.repetitions)
                Report.phases(workload.name, profile, copyGBps: CopyBandwidth.measure(), json: json)
            }
        }
    }
}
