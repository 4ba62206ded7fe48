/// Why the preview cannot start: a port already taken, a host that is no address, a folder that
/// cannot be watched. Printed as it is.
public struct ServeError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
