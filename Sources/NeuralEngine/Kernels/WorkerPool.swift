import Foundation
import Synchronization

/// The persistent threads behind `Parallel.forEachChunk`.
///
/// Workers are created once (lazily, as many as the largest `threadCount` seen minus one). A job is a
/// chunk count and a task. The submitter publishes it by opening a *gate* (the job's serial number)
/// and bumping `generation`; it and the workers then take chunk indices from an atomic counter until
/// none is left. When the submitter runs out of chunks it closes the gate and waits only for the
/// workers that got in (`active`): a worker that was not scheduled in time simply misses the job, so a
/// busy machine never makes the submitter wait for a sleeping thread.
///
/// Waking a thread through a condition variable costs ~15 µs here, more than many kernels take, so
/// after a job a worker spins for `spinSeconds` watching `generation` before it sleeps: back-to-back
/// parallel calls (a training step) then cost about a microsecond each.
/// One job runs at a time: `tryAcquire` fails while the pool is busy and the caller runs inline,
/// which also makes nested `forEachChunk` calls safe.
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool()
    /// How long an idle worker polls for the next job before sleeping: longer than the serial
    /// stretches of a small training step (normalization, activations, loss: up to a few hundred
    /// µs in `cnn-bn-step`), short enough not to steal much from another process on a 2-core machine
    /// (OpenMP runtimes spin 200 ms by default).
    static let spinSeconds = 0.001
    static let closed = -1

    private let busy = Atomic<Bool>(false)
    /// `serial << 16 | participants` of the latest job.
    private let generation = Atomic<Int>(0)
    /// Serial of the job workers may still join, or `closed`.
    private let gate = Atomic<Int>(WorkerPool.closed)
    /// Workers inside the gate (running chunks or about to leave).
    private let active = Atomic<Int>(0)
    private let nextChunk = Atomic<Int>(0)
    private let sleepers = Atomic<Int>(0)
    // Job description: written while the gate is closed and no worker is active, read only by workers
    // that entered the gate (which orders the reads after the writes).
    private var task: ((Int) -> Void)?
    private var chunkCount = 0
    private var serial = 0
    // Only the submitter (holder of `busy`) touches these.
    private var workerCount = 0
    // The sleeping protocol.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    private init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(wake, nil)
    }

    /// Reserves the pool for one job, or returns nil when another job is running.
    func tryAcquire() -> WorkerPool? {
        busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged ? self : nil
    }

    func release() {
        busy.store(false, ordering: .releasing)
    }

    /// Runs `task(i)` for every `i` in `0..<chunks` on the caller plus up to `threads − 1` workers.
    func run(chunks: Int, threads: Int, _ task: @escaping (Int) -> Void) {
        let helpers = Swift.min(threads - 1, 0xFFFF)
        while workerCount < helpers {
            startWorker(index: workerCount, seen: generation.load(ordering: .relaxed))
            workerCount += 1
        }
        // Stragglers of the previous job may still be leaving through the closed gate.
        waitUntilNoWorkerIsActive()
        serial &+= 1
        self.task = task
        chunkCount = chunks
        nextChunk.store(0, ordering: .relaxed)
        gate.store(serial, ordering: .sequentiallyConsistent)
        generation.store((serial << 16) | helpers, ordering: .sequentiallyConsistent)
        if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
            pthread_mutex_lock(mutex)
            pthread_cond_broadcast(wake)
            pthread_mutex_unlock(mutex)
        }

        work(task, chunks)

        gate.store(Self.closed, ordering: .sequentiallyConsistent)
        waitUntilNoWorkerIsActive()
        self.task = nil
    }

    /// Spins until `active` is zero; whoever is active is running (at most) one chunk.
    private func waitUntilNoWorkerIsActive() {
        var polls = 0
        while active.load(ordering: .sequentiallyConsistent) > 0 {
            polls += 1
            if polls > 1_000 { sched_yield() }
        }
    }

    private func work(_ task: (Int) -> Void, _ chunks: Int) {
        while true {
            let index = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
            if index >= chunks { return }
            task(index)
        }
    }

    private func startWorker(index: Int, seen: Int) {
        let thread = Thread { [self] in workerLoop(index: index, seen: seen) }
        thread.name = "NeuralEngine.worker.\(index)"
        thread.start()
    }

    private func workerLoop(index: Int, seen initial: Int) {
        var seen = initial
        while true {
            seen = waitForJob(after: seen)
            guard index < seen & 0xFFFF else { continue }
            // Dekker-style entry: we announce ourselves, then check the gate; the submitter closes
            // the gate, then checks `active`. Sequential consistency means one sees the other.
            active.wrappingAdd(1, ordering: .sequentiallyConsistent)
            if gate.load(ordering: .sequentiallyConsistent) == seen >> 16 { runJob() }
            active.wrappingSubtract(1, ordering: .sequentiallyConsistent)
        }
    }

    /// Not inlined so that the worker's reference to the task is gone before it leaves the gate: the
    /// task wraps a closure passed through `withoutActuallyEscaping`, which traps if still retained.
    @inline(never)
    private func runJob() {
        guard let job = task else { return }
        work(job, chunkCount)
    }

    /// Returns the next generation word, spinning for a while and then sleeping.
    private func waitForJob(after seen: Int) -> Int {
        let deadline = monotonicSeconds() + Self.spinSeconds
        var polls = 0
        while true {
            let g = generation.load(ordering: .acquiring)
            if g != seen { return g }
            polls += 1
            if polls & 255 == 0 && monotonicSeconds() > deadline { break }
        }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        sleepers.wrappingAdd(1, ordering: .sequentiallyConsistent)
        defer { sleepers.wrappingSubtract(1, ordering: .sequentiallyConsistent) }
        while true {
            // `run` stores `generation` then reads `sleepers`; we did the reverse, so no wake-up is lost.
            let g = generation.load(ordering: .sequentiallyConsistent)
            if g != seen { return g }
            pthread_cond_wait(wake, mutex)
        }
    }
}

@inline(__always)
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}
