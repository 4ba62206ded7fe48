import Foundation

/// A hash of the code chapter programs link against: when the engine, the plotting module or the
/// runtime changes, every chapter is stale.
///
/// From sources when `book` runs out of its package's `.build` folder (walk up from the binary
/// folder to the `Package.swift` that has `Sources/NeuralEngine`): every `.swift` file of the three
/// targets in sorted path order, path and content. Otherwise (an installed `book`) the built
/// module files and objects themselves.
public enum EngineFingerprint {
    static let sourceFolders = ["Sources/NeuralEngine", "Sources/Plotting", "Sources/BookRuntime"]

    public static func compute(toolchain: Toolchain) -> String {
        var hasher = KeyHasher()
        if let root = packageRoot(above: toolchain.binDirectory) {
            for folder in sourceFolders {
                for path in files(under: root.appendingPathComponent(folder), suffix: ".swift") {
                    hasher.add(folder + "/" + path, ContentHash.file(root.appendingPathComponent(folder).appendingPathComponent(path)) ?? "")
                }
            }
        } else {
            for module in Toolchain.linkedTargets {
                let file = toolchain.modulesDirectory.appendingPathComponent("\(module).swiftmodule")
                hasher.add(module, ContentHash.file(file) ?? "")
            }
            for object in toolchain.objectFiles() {
                hasher.add(object, ContentHash.file(URL(fileURLWithPath: object)) ?? "")
            }
        }
        return hasher.finish()
    }

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
