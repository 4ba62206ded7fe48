import Foundation

/// An error reading a data file: names the file and, where known, the line.
public struct DataError: Error, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let reason: String

    public init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(path):\(line): \(reason)" }
        return "\(path): \(reason)"
    }
}

/// Where the book's data files live and how they are read.
///
/// The data folder is `$NEURALBOOK_DATA` when set, else the first `data/` folder containing
/// `digits.csv.gz` found walking up from the current directory. Gzip files are decompressed by
/// running `/bin/gzip -dc` (Foundation's `Process`), so chapter programs need no zlib module map.
public enum DataFiles {
    /// Called with the path of every data file a loader reads (the book's cache records which data
    /// files a chapter depends on). Set it once at start-up.
    nonisolated(unsafe) public static var onRead: ((String) -> Void)?

    /// The project's data folder.
    public static func dataDirectory() throws -> URL {
        if let env = ProcessInfo.processInfo.environment["NEURALBOOK_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        while true {
            let candidate = dir.appendingPathComponent("data", isDirectory: true)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("digits.csv.gz").path) {
                return candidate
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        throw DataError(path: FileManager.default.currentDirectoryPath,
                        reason: "no data folder found: set NEURALBOOK_DATA or run inside the project (looked for data/digits.csv.gz upwards)")
    }

    /// `name` inside the data folder, or `explicit` when given.
    public static func url(_ name: String, explicit: URL? = nil) throws -> URL {
        if let explicit { return explicit }
        return try dataDirectory().appendingPathComponent(name)
    }

    /// The bytes of a file, gunzipped when its name ends in `.gz`; reports the path to ``onRead``.
    public static func read(_ url: URL) throws -> Data {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw DataError(path: path, reason: "file not found")
        }
        onRead?(path)
        if path.hasSuffix(".gz") { return try gunzip(path) }
        do { return try Data(contentsOf: url) } catch {
            throw DataError(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
    }

    /// The text of a (possibly gzipped) UTF-8 file.
    public static func readText(_ url: URL) throws -> String {
        guard let text = String(data: try read(url), encoding: .utf8) else {
            throw DataError(path: url.path, reason: "not valid UTF-8")
        }
        return text
    }

    private static func gunzip(_ path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw DataError(path: path, reason: "cannot run /bin/gzip: \(error.localizedDescription)")
        }
        // Read before waiting: a full pipe would otherwise block gzip forever.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw DataError(path: path, reason: "gzip -dc failed with status \(process.terminationStatus)")
        }
        return data
    }
}
