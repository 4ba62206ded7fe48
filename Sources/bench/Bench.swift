// Placeholder written by the lead so that the package manifest is valid (an executable target
// needs a source file). KERNELS helper: replace this file freely with the real benchmark command.
@main
struct Bench {
    static func main() {
        print("bench: workloads not written yet")
    }
}
