import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with standard output and standard error merged into one pipe (so their
/// relative order is kept), handing the bytes over as they arrive, and kills the program when it
/// runs out of time.
enum ProcessRunner {
    struct Result {
        var output: String
        var exitStatus: Int32
        /// Killed by a signal (a trap is SIGILL/SIGTRAP; a timeout kill is SIGKILL).
        var signaled: Bool
        var timedOut: Bool
    }

    /// - Parameters:
    ///   - timeout: seconds for the whole run.
    ///   - keepOutput: collect everything into `Result.output` (false for chapter programs, whose
    ///     stream is consumed by `onOutput` and may be large).
    ///   - onOutput: called with each chunk read, on the calling thread.
    ///   - shouldKill: polled about ten times a second; returning true kills the program and
    ///     marks the result timed out (used for per-block limits).
    static func run(_ executable: URL, arguments: [String], environment: [String: String]? = nil,
                    currentDirectory: URL? = nil, timeout: TimeInterval, keepOutput: Bool = true,
                    onOutput: (ArraySlice<UInt8>) -> Void = { _ in }, shouldKill: () -> Bool = { false }) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? pipe.fileHandleForWriting.close()   // only the child may hold the write end, or EOF never comes

        let deadline = Date().addingTimeInterval(timeout)
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        var everything: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var timedOut = false
        while true {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count <= 0 { break }                                 // end of stream: the program exited
                if keepOutput { everything += buffer[0..<count] }
                onOutput(buffer[0..<count])
            } else if ready < 0 && errno != EINTR {
                break
            } else if ready == 0 && !process.isRunning {
                // Exited, but no end of stream: a program started in parallel by another thread
                // may have inherited the pipe's write end. Everything our child wrote is already
                // in the pipe, so drain what is there and stop.
                var drain = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                while poll(&drain, 1, 0) > 0 {
                    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    if count <= 0 { break }
                    if keepOutput { everything += buffer[0..<count] }
                    onOutput(buffer[0..<count])
                }
                break
            }
            if !timedOut && (Date() > deadline || shouldKill()) {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
            }
        }
        process.waitUntilExit()
        try? pipe.fileHandleForReading.close()
        return Result(output: String(decoding: everything, as: UTF8.self), exitStatus: process.terminationStatus,
                      signaled: process.terminationReason == .uncaughtSignal, timedOut: timedOut)
    }
}
