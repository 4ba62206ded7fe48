import BookWire
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells when something changed in a set of folders (and, with `recursive`, their subfolders):
/// the paths named by the events, as hints. What changed is decided afterwards from the files'
/// contents (`PreviewSession` hashes them), so an editor that saves by writing a temporary file
/// and renaming it over the chapter, or one that touches a file without changing it, is handled
/// the same way as a plain write.
///
/// On Linux this is inotify on the folders themselves (not on files, whose inode changes when an
/// editor renames a new copy over them): entries created, written, moved in or out, deleted. A
/// lost event queue (`IN_Q_OVERFLOW`) reports every watched folder. Elsewhere it polls the
/// folders' listings with sizes and modification times four times a second.
final class FolderWatcher: @unchecked Sendable {
    private let folders: [URL]
    private let recursive: Bool
    private let onChange: @Sendable ([String]) -> Void
    private let stopped = Locked(false)
    private var thread: Thread?

    /// - Parameter onChange: called on the watcher's own thread with the changed paths.
    init(folders: [URL], recursive: Bool, onChange: @escaping @Sendable ([String]) -> Void) {
        self.folders = folders.map(\.standardizedFileURL)
        self.recursive = recursive
        self.onChange = onChange
    }

    func start() throws {
        #if os(Linux)
        let watch = try InotifyWatch()
        for folder in folders { watch.add(folder.path, recursive: recursive) }
        let thread = Thread { [self] in
            while !stopped.withLock({ $0 }) {
                let paths = watch.next(timeoutMilliseconds: 200)
                if !paths.isEmpty { onChange(paths) }
            }
            watch.close()
        }
        #else
        let thread = Thread { [self] in
            var previous = PollingSnapshot(folders: folders, recursive: recursive)
            while !stopped.withLock({ $0 }) {
                Thread.sleep(forTimeInterval: 0.25)
                let current = PollingSnapshot(folders: folders, recursive: recursive)
                let changed = current.changedPaths(since: previous)
                previous = current
                if !changed.isEmpty { onChange(changed) }
            }
        }
        #endif
        thread.name = "book serve: watcher"
        self.thread = thread
        thread.start()
    }

    /// Stops watching within about 0.2 s (the thread's next wake-up).
    func stop() {
        stopped.withLock { $0 = true }
    }
}

#if os(Linux)
/// One inotify instance and the folders it watches, by watch descriptor.
private final class InotifyWatch: @unchecked Sendable {   // used by the watcher thread alone
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private var recursive: [Int32: Bool] = [:]
    /// What a folder watch reports: entries changing, and the folder itself going away.
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    init() throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw ServeError("cannot watch the chapters: inotify_init1 failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Watches `path` (a folder; a missing one is skipped) and, with `recursive`, its subfolders.
    func add(_ path: String, recursive isRecursive: Bool) {
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return }
        folders[watch] = path
        recursive[watch] = isRecursive
        guard isRecursive, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where Self.isFolder(path + "/" + name) { add(path + "/" + name, recursive: true) }
    }

    /// Waits up to `timeoutMilliseconds` for events; the paths they name.
    func next(timeoutMilliseconds: Int32) -> [String] {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMilliseconds) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        var paths: [String] = []
        var offset = 0
        // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
        let header = MemoryLayout<Int32>.size + 3 * MemoryLayout<UInt32>.size
        while offset + header <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                (bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
            offset += header + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                paths += folders.values
                continue
            }
            guard let folder = folders[watch] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[watch] = nil
                continue
            }
            let path = nameBytes.isEmpty ? folder : folder + "/" + String(decoding: nameBytes, as: UTF8.self)
            paths.append(path)
            let madeFolder = mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
            if madeFolder, recursive[watch] == true { add(path, recursive: true) }
        }
        return paths
    }

    func close() { _ = Glibc.close(descriptor) }

    private static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
#else
/// Every file under some folders with its size and modification time.
private struct PollingSnapshot {
    var stamps: [String: String] = [:]

    init(folders: [URL], recursive: Bool) {
        for folder in folders {
            let names = recursive ? (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
                                  : ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            for name in names {
                let path = folder.path + "/" + name
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
                let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
                stamps[path] = "\(size) \(modified)"
            }
        }
    }

    func changedPaths(since previous: PollingSnapshot) -> [String] {
        Set(stamps.keys).union(previous.stamps.keys).filter { stamps[$0] != previous.stamps[$0] }.sorted()
    }
}
#endif
