import Foundation
import NeuralEngine

/// `mlp-memory`: peak resident memory (getrusage `ru_maxrss`) of a process that runs 1000 `mlp-train`
/// steps against one that runs 100. A ratio near 1 shows that training does not accumulate memory
/// (graphs, gradients or buffers kept alive across steps); the target is ≤ 1.1.
///
/// The peak is a whole-process high-water mark, so each count runs in a fresh child process: this
/// executable re-launched with the hidden option `--memory-child-steps N`.
enum MLPMemoryWorkload {
    static let name = "mlp-memory"

    struct Result {
        let shortSteps: Int, shortPeakKB: Int
        let longSteps: Int, longPeakKB: Int
        var ratio: Double { Double(longPeakKB) / Double(max(shortPeakKB, 1)) }
    }

    /// Runs the two child processes and returns their peaks.
    static func measure(threads: Int, shortSteps: Int = 100, longSteps: Int = 1000) throws -> Result {
        Result(shortSteps: shortSteps, shortPeakKB: try childPeak(steps: shortSteps, threads: threads),
               longSteps: longSteps, longPeakKB: try childPeak(steps: longSteps, threads: threads))
    }

    /// Body of the child process: train `steps` steps, print the peak RSS in KiB.
    static func runChild(steps: Int) {
        let trainer = MLPTrainWorkload.Trainer(data: MLPTrainWorkload.digitsOrRandom())
        trainer.run(steps: steps)
        print(peakResidentKB())
    }

    static func peakResidentKB() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Int(usage.ru_maxrss)   // kilobytes on Linux
    }

    static func childPeak(steps: Int, threads: Int) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["--memory-child-steps", String(steps), "--threads", String(threads)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, let kilobytes = Int(text.split(separator: "\n").last ?? "") else {
            throw BenchError("mlp-memory: child with \(steps) steps failed (status \(process.terminationStatus), output \"\(text)\")")
        }
        return kilobytes
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
