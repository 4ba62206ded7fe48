import Foundation

/// A `.npy` file that cannot be read or written, with the file and the reason.
public struct NPYError: Error, CustomStringConvertible, Sendable {
    /// The file (or "<data>" for in-memory decoding).
    public let path: String
    /// What is wrong.
    public let reason: String

    public var description: String { "\(path): \(reason)" }
}
