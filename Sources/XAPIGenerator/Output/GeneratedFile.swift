/// One generated Swift file: its fixed name and its contents.
public struct GeneratedFile: Sendable, Hashable {
    /// The files `xapi-gen` can write. Each ``Generator/Mode`` writes a fixed
    /// set of them (``Generator/Mode/files``), whatever the spec holds.
    ///
    /// SwiftPM needs a build command's outputs before it runs, so the set
    /// never changes with the spec; a file with nothing to say still carries
    /// its header.
    public enum Name: String, Sendable, CaseIterable {
        /// The spec's component schemas, as Swift types.
        case models = "Models.swift"
        /// The field and expansion names requests select, and how expanded
        /// objects are resolved from `includes`.
        case fields = "Fields.swift"
        /// Each operation's descriptor (method, path, auth, limits), its own
        /// inline types, and page conformances.
        case operations = "Operations.swift"
        /// The typed endpoint functions on `XAPIClient`.
        case clients = "Clients.swift"
        /// The server side: a handler protocol, each operation's input decoded
        /// from a request, and the dispatch.
        case server = "Server.swift"
    }

    /// Which file this is.
    public var name: Name
    /// The Swift source.
    public var contents: String

    /// Creates a file.
    public init(name: Name, contents: String) {
        self.name = name
        self.contents = contents
    }
}
