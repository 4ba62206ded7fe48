import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stopping everything a chapter program started. `book` starts each program as the leader of a
/// session of its own; every process the program starts stays in that session unless it calls
/// `setsid` itself. A process group would not do: Foundation's `Process` puts each child it
/// starts in a group of its own. Both sides use this: `book` when a program ends, fails or runs
/// out of time, the program itself when `book` is gone (see `Record.lifelineVariable`).
public enum ProcessSession {
    /// Kills (SIGKILL) every process of session `session` except the caller, then the caller if
    /// it is in it. Scans `/proc` until no member is left (a member may start another meanwhile);
    /// without `/proc` it kills the session leader's process group.
    public static func stopAll(session: pid_t) {
        let me = getpid()
        guard FileManager.default.fileExists(atPath: "/proc/self/stat") else {
            kill(-session, SIGKILL)
            return
        }
        for _ in 0..<20 {
            let members = self.members(of: session).filter { $0 != me }
            if members.isEmpty { break }
            for pid in members { kill(pid, SIGKILL) }
        }
        if getsid(0) == session { kill(me, SIGKILL) }
    }

    /// Live processes whose session is `session` (zombies are already stopped).
    static func members(of session: pid_t) -> [pid_t] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return names.compactMap { name -> pid_t? in
            guard let pid = pid_t(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // After "(command)": state, ppid, pgrp, session, ...
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 3, fields[0] != "Z", pid_t(fields[3]) == session else { return nil }
            return pid
        }
    }
}
