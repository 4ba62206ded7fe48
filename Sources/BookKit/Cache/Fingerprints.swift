import Foundation

/// What every chapter's cache key shares, read once per build in this one place: the code chapter
/// programs link, and the compiler that builds them.
public struct BuildInputs: Sendable, Equatable {
    /// Hash of the built modules and object files chapter programs link (`Toolchain.linkedTargets`):
    /// an edited but unbuilt engine changes nothing a chapter links, so nothing re-runs; an engine
    /// rebuilt with new code re-runs every chapter.
    public var linkedObjects: String
    /// Hash of the linked targets' sources, by path relative to the package and content: what
    /// `output/manifest.json` records, the same on every machine and in every folder (object
    /// files hold absolute paths in their debug information). Without a package (an installed
    /// `book`) it is `linkedObjects`.
    public var linkedSources: String
    /// `swiftc --version`.
    public var compilerVersion: String

    public init(linkedObjects: String, linkedSources: String, compilerVersion: String) {
        self.linkedObjects = linkedObjects
        self.linkedSources = linkedSources
        self.compilerVersion = compilerVersion
    }

    /// Reads the inputs for `toolchain`; slow parts are remembered in `cacheDirectory` against a
    /// stamp of the files they come from.
    public static func read(toolchain: Toolchain, cacheDirectory: URL) -> BuildInputs {
        let objects = linkedObjectsHash(toolchain: toolchain, cacheDirectory: cacheDirectory)
        let sources = packageRoot(above: toolchain.binDirectory).map(linkedSourcesHash(root:)) ?? objects
        return BuildInputs(linkedObjects: objects, linkedSources: sources,
                           compilerVersion: compilerVersion(toolchain: toolchain, cacheDirectory: cacheDirectory))
    }

    /// The cache key of `chapter`'s execution.
    public func cacheKey(for chapter: ParsedChapter) -> String {
        CacheKey.compute(chapter, engine: linkedObjects, toolchainVersion: compilerVersion)
    }

    // MARK: - The parts

    /// Module interfaces and objects, each by name and content. Remembered against their paths,
    /// sizes and modification times, so a no-op build reads no object file.
    static func linkedObjectsHash(toolchain: Toolchain, cacheDirectory: URL) -> String {
        let files = Toolchain.linkedTargets.map { toolchain.modulesDirectory.appendingPathComponent("\($0).swiftmodule").path }
            + toolchain.objectFiles()
        let stamp = files.map(fileStamp).joined(separator: "\n")
        return remembered(in: cacheDirectory.appendingPathComponent("linked-objects.txt"), stamp: stamp) {
            var hasher = KeyHasher()
            for path in files {
                hasher.add(URL(fileURLWithPath: path).lastPathComponent, ContentHash.file(URL(fileURLWithPath: path)) ?? "")
            }
            return hasher.finish()
        }
    }

    /// Every `.swift` file of the linked targets, in sorted path order, by path and content.
    static func linkedSourcesHash(root: URL) -> String {
        var hasher = KeyHasher()
        for target in Toolchain.linkedTargets {
            let folder = "Sources/" + target
            for path in files(under: root.appendingPathComponent(folder), suffix: ".swift") {
                hasher.add(folder + "/" + path, ContentHash.file(root.appendingPathComponent(folder).appendingPathComponent(path)) ?? "")
            }
        }
        return hasher.finish()
    }

    /// `swiftc --version`, remembered against a stamp of the compiler file: starting the driver
    /// costs about a second on a busy machine, which a no-op build cannot afford.
    static func compilerVersion(toolchain: Toolchain, cacheDirectory: URL) -> String {
        let real = toolchain.swiftc.resolvingSymlinksInPath().path
        return remembered(in: cacheDirectory.appendingPathComponent("swiftc-version.txt"), stamp: fileStamp(real)) {
            toolchain.version()
        }
    }

    /// `compute()`, or the value stored in `file` when it was computed for the same `stamp`.
    private static func remembered(in file: URL, stamp: String, _ compute: () -> String) -> String {
        let header = "stamp \(ContentHash.of(stamp))\n"
        if let saved = try? String(contentsOf: file, encoding: .utf8), saved.hasPrefix(header) {
            return String(saved.dropFirst(header.count))
        }
        let fresh = compute()
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = try? AtomicFile.write(Array((header + fresh).utf8), to: file)
        return fresh
    }

    /// Path, size and modification time.
    static func fileStamp(_ path: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        return "\(path) \(size) \(modified)"
    }

    /// The package folder above `folder` (the one whose `Package.swift` sits beside
    /// `Sources/NeuralEngine`), when `book` runs out of its package's `.build`.
    static func packageRoot(above folder: URL) -> URL? {
        var current = folder.standardizedFileURL
        while current.path != "/" {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: current.appendingPathComponent("Sources/NeuralEngine").path) {
                return current
            }
            current = current.deletingLastPathComponent()
        }
        return nil
    }

    /// Paths relative to `folder` of files ending in `suffix`, sorted.
    static func files(under folder: URL, suffix: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [String] = []
        while let path = walker.nextObject() as? String {
            if path.hasSuffix(suffix) { found.append(path) }
        }
        return found.sorted()
    }
}
