/// One benchmark workload: a name from the engine issue, how many runs to time, the floating-point
/// operation count of one run when GFLOP/s applies, and `prepare`, which builds the inputs (not timed)
/// and returns the body that is timed.
struct Workload {
    let name: String
    let summary: String
    let warmups: Int
    let repetitions: Int
    /// Floating-point operations of one run (for GFLOP/s), nil when the figure would be meaningless.
    let flops: Double?
    /// For training-step workloads: a fresh step to profile phase by phase (`bench --phases`).
    let phases: (() -> SequentialStep)?
    let prepare: () throws -> () -> Void

    init(name: String, summary: String, warmups: Int, repetitions: Int, flops: Double? = nil,
         phases: (() -> SequentialStep)? = nil, prepare: @escaping () throws -> () -> Void) {
        self.name = name
        self.summary = summary
        self.warmups = warmups
        self.repetitions = repetitions
        self.flops = flops
        self.phases = phases
        self.prepare = prepare
    }
}

/// Every workload, in the order the issue lists them; `mlp-memory` is reported separately because it
/// measures peak memory in child processes rather than time.
enum Workloads {
    static var timed: [Workload] { [
        GEMMWorkload.make(),
        InitForwardWorkload.make(),
        MLPTrainWorkload.make(),
        CNNStepWorkload.make(norm: .batch),
        CNNStepWorkload.make(norm: .group),
        CNNFashionStepWorkload.make(),
    ] + ConvGEMMWorkload.all }
    static var names: [String] { timed.map(\.name) + [MLPMemoryWorkload.name] }
}
