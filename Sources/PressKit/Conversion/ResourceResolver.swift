/// What looking up a resource (an image referenced by a document) gave.
public enum ResourceLookup: Sendable {
    case found([UInt8])
    /// Not read, and why (outside the resource path, a network URL, missing, ...).
    case refused(String)
}

/// Reads resources for writers, confined to what the user allowed. Writers never open files themselves.
public protocol ResourceResolver: Sendable {
    /// Looks up `reference` (as written in document number `document` of the conversion).
    func lookup(_ reference: String, document: Int) -> ResourceLookup
}

/// A resolver that reads nothing: every lookup is refused.
public struct NoResources: ResourceResolver {
    public init() {}
    public func lookup(_ reference: String, document: Int) -> ResourceLookup {
        .refused("resources are not available here")
    }
}

/// A resolver serving fixed bytes by name: for tests and in-memory use.
public struct InMemoryResources: ResourceResolver {
    public var files: [String: [UInt8]]
    public init(_ files: [String: [UInt8]]) { self.files = files }
    public func lookup(_ reference: String, document: Int) -> ResourceLookup {
        if let bytes = files[reference] { return .found(bytes) }
        return .refused("not found")
    }
}
