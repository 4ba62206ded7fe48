import Foundation

/// Where chapter programs get their compiler and the engine they link against.
///
/// `book` compiles each chapter with `swiftc` against the modules SwiftPM built next to its own
/// executable (`<bin>/Modules`) and links every object file of NeuralEngine, Plotting, BookWire
/// and BookRuntime found under `<bin>/<Target>.build`. So `book` works from any directory, and a
/// chapter always runs against exactly the engine `book` was built with.
public struct Toolchain: Sendable {
    /// The SwiftPM build products folder (`.build/<triple>/debug` or `.../release`). Both serve: the
    /// linked targets are compiled -O whole-module in either configuration (Package.swift).
    public var binDirectory: URL
    public var swiftc: URL
    /// Targets whose objects a chapter program links.
    public static let linkedTargets = ["NeuralEngine", "Plotting", "BookWire", "BookRuntime"]

    public init(binDirectory: URL, swiftc: URL) {
        self.binDirectory = binDirectory
        self.swiftc = swiftc
    }

    /// The toolchain next to the running executable (`book`, or a test bundle in `.build/debug`).
    public static func locate(binDirectory: URL? = nil) throws -> Toolchain {
        let bin = binDirectory ?? Self.runningExecutableDirectory()
        guard FileManager.default.fileExists(atPath: bin.appendingPathComponent("Modules/BookRuntime.swiftmodule").path) else {
            throw BookError(stage: .compile, file: bin.path, line: nil,
                            message: "BookRuntime.swiftmodule not found in \(bin.path)/Modules; build with `swift build --product book`")
        }
        guard let swiftc = findSwiftc() else {
            throw BookError(stage: .compile, file: "swiftc", line: nil, message: "swiftc not found on PATH or next to the Swift toolchain")
        }
        return Toolchain(binDirectory: bin, swiftc: swiftc)
    }

    public var modulesDirectory: URL { binDirectory.appendingPathComponent("Modules") }

    /// The `.o` files of the linked targets, sorted for a stable command line.
    ///
    /// SwiftPM's `output-file-map.json` names the object of every source the target has now; a
    /// folder walk would also pick up objects of files since renamed or deleted, which then
    /// clash as duplicate symbols. The walk is kept for builds that have no map.
    public func objectFiles() -> [String] {
        var objects: [String] = []
        for target in Self.linkedTargets {
            let folder = binDirectory.appendingPathComponent("\(target).build")
            if let mapped = Self.objectsInOutputFileMap(folder.appendingPathComponent("output-file-map.json")) {
                objects += mapped
                continue
            }
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            while let relative = walker.nextObject() as? String {
                if relative.hasSuffix(".o") { objects.append(folder.appendingPathComponent(relative).path) }
            }
        }
        return objects.sorted()
    }

    /// The `object` entries of an output file map whose files exist, or nil when there is no usable map.
    static func objectsInOutputFileMap(_ url: URL) -> [String]? {
        guard let data = try? Data(contentsOf: url),
              let map = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        let objects = map.values.compactMap { ($0 as? [String: Any])?["object"] as? String }
            .filter { FileManager.default.fileExists(atPath: $0) }
        return objects.isEmpty ? nil : objects
    }

    /// `swiftc --version`, part of every cache key.
    public func version() -> String {
        let deadline = Date().addingTimeInterval(60)
        let result = try? ProgramRunner.run(swiftc, arguments: ["--version"], shouldStop: { Date() > deadline })
        return result?.output.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
    }

    static func runningExecutableDirectory() -> URL {
        let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// `swiftc` on PATH, else beside `/usr/bin/swift`'s real location.
    static func findSwiftc() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swiftc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let fallback = URL(fileURLWithPath: "/usr/bin/swiftc")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }
}
