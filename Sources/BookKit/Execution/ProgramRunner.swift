import BookWire
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a program and sees it through to the end, leaving nothing behind: the compiler, and
/// chapter programs.
///
/// - The program leads a session of its own, and the whole session is killed when the program
///   exits, fails or runs out of time, so a process a block started (`sleep 100 &`) goes with it
///   (`ProcessSession`).
/// - Standard output and standard error share one pipe, so their relative order is kept, and the
///   bytes are handed over as they arrive.
/// - With `lifeline`, the program's standard input is a pipe whose write end only `book` holds:
///   if `book` dies, even by `kill -9`, the program reads end of file and stops its session
///   (`_BookSession.start` watches for it).
///
/// Written on `posix_spawn` rather than Foundation's `Process` (no session, and its pipes
/// leak into programs other threads start at the same moment) or swift-subprocess 1.0.2 (async
/// only, and its output stream cannot end while a left-over child holds the pipe, nor can it set
/// anything up in the child on Linux). Every descriptor here is close-on-exec (set under
/// `spawnLock`), so programs started in parallel by other chapter workers never inherit another
/// program's pipe.
enum ProgramRunner {
    struct Result {
        var output: String
        var exitStatus: Int32
        /// Killed by a signal (a trap is SIGILL/SIGTRAP; our stop is SIGKILL).
        var signaled: Bool
        /// `shouldStop` asked for the program to be stopped, and it was.
        var stopped: Bool
    }

    /// - Parameters:
    ///   - keepOutput: collect everything into `Result.output` (false for chapter programs, whose
    ///     stream is consumed by `onOutput` and may be large).
    ///   - onOutput: called with each chunk read, on the calling thread.
    ///   - shouldStop: polled about ten times a second and after each chunk; returning true kills
    ///     the program's session and marks the result stopped.
    static func run(_ executable: URL, arguments: [String], environment: [String: String]? = nil,
                    currentDirectory: URL? = nil, lifeline: Bool = false, keepOutput: Bool = true,
                    onOutput: (ArraySlice<UInt8>) -> Void = { _ in }, shouldStop: () -> Bool = { false }) throws -> Result {
        let output = try CloseOnExecPipe()
        defer { output.close() }
        let input = lifeline ? try CloseOnExecPipe() : nil
        defer { input?.close() }
        let nullInput = lifeline ? -1 : open("/dev/null", O_RDONLY | O_CLOEXEC)   // O_CLOEXEC: atomic in open(2)
        defer { if nullInput >= 0 { closeDescriptor(nullInput) } }

        let pid = try spawn(executable, arguments: arguments, environment: environment ?? ProcessInfo.processInfo.environment,
                            currentDirectory: currentDirectory, standardInput: input?.readEnd ?? nullInput,
                            output: output.writeEnd)
        output.closeWriteEnd()                 // only the program may hold it, or end of file never comes
        input?.closeReadEnd()

        var everything: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var stopped = false
        var exited = false
        var quietSinceExit = 0
        func readChunk() -> Bool {             // false at end of file
            let count = buffer.withUnsafeMutableBytes { read(output.readEnd, $0.baseAddress, $0.count) }
            if count < 0 { return errno == EINTR || errno == EAGAIN }
            if count == 0 { return false }
            if keepOutput { everything += buffer[0..<count] }
            onOutput(buffer[0..<count])
            return true
        }
        while true {
            var poller = pollfd(fd: output.readEnd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            if ready > 0 {
                if !readChunk() { break }
                quietSinceExit = 0
            } else if ready < 0 && errno != EINTR {
                break
            } else if exited {
                // The program is gone and its session killed; a process that left the session may
                // still hold the pipe. A second of silence ends the wait.
                quietSinceExit += 1
                if quietSinceExit >= 10 { break }
            }
            if !exited && hasExited(pid) {
                exited = true
                killSession(pid)               // whatever the program left running
            }
            if !exited && !stopped && shouldStop() {
                stopped = true
                killSession(pid)
            }
        }
        let status = reap(pid)
        let signaled = status & 0x7f != 0
        return Result(output: String(decoding: everything, as: UTF8.self),
                      exitStatus: signaled ? 128 + (status & 0x7f) : (status >> 8) & 0xff,
                      signaled: signaled, stopped: stopped)
    }

    /// Kills the session `leader` leads. Called only while the leader is not yet reaped, so its
    /// id cannot belong to anyone else.
    static func killSession(_ leader: pid_t) {
        ProcessSession.stopAll(session: leader)
    }

    /// Whether `pid` has exited, without reaping it (a zombie keeps its id, and so its session's).
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        return result == 0 && info.si_signo != 0
    }

    /// Waits for `pid` to exit, kills what is left of its session, reaps it; the wait status.
    static func reap(_ pid: pid_t) -> Int32 {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        killSession(pid)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which Swift's Glibc module does not
    /// declare (it is a GNU extension): looked up by name.
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChdir: AddChdir? = dlsym(UnsafeMutableRawPointer(bitPattern: defaultSymbolScope),
                                                   "posix_spawn_file_actions_addchdir_np")
        .map { unsafeBitCast($0, to: AddChdir.self) }
    /// `RTLD_DEFAULT`: look the name up in every loaded library.
    #if os(Linux)
    private static let defaultSymbolScope = 0
    #else
    private static let defaultSymbolScope = -2
    #endif

    /// Held while a pipe is made and marked close-on-exec, and while a program starts: `pipe2`
    /// (atomic close-on-exec) is a GNU extension Swift's Glibc module does not declare, so
    /// creating a pipe and starting a program must not interleave across threads.
    static let spawnLock = NSLock()

    /// Starts `executable` in a session of its own with `standardInput` as descriptor 0, `output`
    /// as 1 and 2, and each of `descriptors` at its target number (Chromium's DevTools pipe wants
    /// its ends as 3 and 4); every other descriptor of ours is close-on-exec.
    static func spawn(_ executable: URL, arguments: [String], environment: [String: String],
                      currentDirectory: URL?, standardInput: Int32, output: Int32,
                      descriptors: [(source: Int32, target: Int32)] = []) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        // Through numbers no source uses, so a source that is another's target is not overwritten
        // before it is copied; dup2 clears close-on-exec on the copies.
        let parking: Int32 = 200
        for (offset, mapping) in descriptors.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, mapping.source, parking + Int32(offset))
        }
        for (offset, mapping) in descriptors.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, parking + Int32(offset), mapping.target)
            posix_spawn_file_actions_addclose(&actions, parking + Int32(offset))
        }
        if let currentDirectory {
            guard let addChdir = Self.addChdir else {
                throw BookError(stage: .run, file: executable.path, line: nil,
                                message: "cannot start the program in \(currentDirectory.path): the C library lacks posix_spawn_file_actions_addchdir_np (glibc 2.29 or later)")
            }
            _ = addChdir(&actions, currentDirectory.path)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)   // no ignored SIGPIPE inherited
        // POSIX_SPAWN_SETSID: a new session, and so a new process group, led by the program
        // (glibc 2.26+ has it as a GNU extension that Swift's Glibc module does not declare).
        #if os(Linux)
        let setSession: Int32 = 0x80
        #else
        let setSession = Int32(POSIX_SPAWN_SETSID)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(setSession | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable.path] + arguments).map { strdup($0) }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = spawnLock.withLock { posix_spawn(&pid, executable.path, &actions, &attributes, argv + [nil], envp + [nil]) }
        guard result == 0 else {
            throw BookError(stage: .run, file: executable.path, line: nil,
                            message: "cannot start the program: \(String(cString: strerror(result)))")
        }
        return pid
    }
}

/// A pipe whose two ends are close-on-exec in this process.
final class CloseOnExecPipe {
    private(set) var readEnd: Int32 = -1
    private(set) var writeEnd: Int32 = -1

    init() throws {
        var ends: [Int32] = [-1, -1]
        let made = ProgramRunner.spawnLock.withLock { () -> Bool in
            guard pipe(&ends) == 0 else { return false }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            return true
        }
        guard made else {
            throw BookError(stage: .run, file: "pipe", line: nil, message: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    /// Hands the write end over to the caller, who closes it.
    func takeWriteEnd() -> Int32 { defer { writeEnd = -1 }; return writeEnd }
    /// Hands the read end over to the caller, who closes it.
    func takeReadEnd() -> Int32 { defer { readEnd = -1 }; return readEnd }

    func closeWriteEnd() { if writeEnd >= 0 { closeDescriptor(writeEnd); writeEnd = -1 } }
    func closeReadEnd() { if readEnd >= 0 { closeDescriptor(readEnd); readEnd = -1 } }
    func close() { closeReadEnd(); closeWriteEnd() }
}

func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }
