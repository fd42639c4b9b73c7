import XAPIRuntime
import HTTPTypes

/// Matches a request's method and path against the path templates of a spec's operations.
///
/// Generated server code builds one from its `OperationDescriptor`s. A literal segment
/// beats a template parameter, so `/2/users/me` is not `/2/users/{id}`; `HEAD` matches the
/// operation that answers `GET` on the same path. Path parameters come back percent-decoded.
///
/// ```swift
/// let router = OperationRouter([.usersIdFollowers, .getUsersMe, .getUsersById])
/// try router.match(.get, path: "/2/users/2244994945/followers").get().pathParameters // ["id": "2244994945"]
/// router.match(.get, path: "/2/users/me")          // .getUsersMe
/// router.match(.delete, path: "/2/users/me")       // .failure(.methodNotAllowed(allowed: [.get]))
/// ```
public struct OperationRouter: Sendable {
    private struct Route: Sendable {
        var operation: OperationDescriptor
        /// Each segment: a literal, or `nil` for a parameter (named in `parameters` by index).
        var literals: [String?]
        var parameters: [Int: String]

        /// The segment count, then 0 for each literal and 1 for each parameter.
        var specificity: [Int] { [literals.count] + literals.map { $0 == nil ? 1 : 0 } }
    }

    private let routes: [Route]

    /// A router over the given operations.
    public init(_ operations: [OperationDescriptor]) {
        routes = operations.map { operation in
            var literals: [String?] = []
            var parameters: [Int: String] = [:]
            for (index, segment) in Self.segments(operation.path).enumerated() {
                if segment.hasPrefix("{"), segment.hasSuffix("}"), segment.count > 2 {
                    literals.append(nil)
                    parameters[index] = String(segment.dropFirst().dropLast())
                } else {
                    literals.append(segment)
                }
            }
            return Route(operation: operation, literals: literals, parameters: parameters)
        }
        .sorted { lhs, rhs in
            // Only paths of one length compete; among them, at the first segment where they
            // differ in kind, the literal wins.
            lhs.specificity.lexicographicallyPrecedes(rhs.specificity)
        }
    }

    /// The operations routed, as given.
    public var operations: [OperationDescriptor] { routes.map(\.operation) }

    /// The operation a request calls, with its path parameters; or why there is none.
    public func match(_ method: HTTPRequest.Method, path: String) -> Result<ServerRoute, RouteMismatch> {
        let segments = Self.segments(path)
        var allowed: [HTTPRequest.Method] = []
        var found: ServerRoute?
        for route in routes where route.literals.count == segments.count {
            var parameters: [String: String] = [:]
            var matches = true
            for (index, segment) in segments.enumerated() {
                if let literal = route.literals[index] {
                    if literal != segment { matches = false; break }
                } else if let name = route.parameters[index] {
                    guard let decoded = OAuth1Signature.percentDecode(segment), !decoded.isEmpty else { matches = false; break }
                    parameters[name] = decoded
                }
            }
            guard matches else { continue }
            let routeMethod = route.operation.method
            if found == nil, routeMethod == method || (method == .head && routeMethod == .get) {
                found = ServerRoute(operation: route.operation, pathParameters: parameters)
            }
            if !allowed.contains(routeMethod) { allowed.append(routeMethod) }
        }
        if let found { return .success(found) }
        if allowed.isEmpty { return .failure(.unknownPath) }
        if allowed.contains(.get), !allowed.contains(.head) { allowed.append(.head) }
        return .failure(.methodNotAllowed(allowed: allowed))
    }

    /// The segments of a path, without the leading slash; one trailing slash is ignored.
    private static func segments(_ path: String) -> [String] {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.first == "" { segments.removeFirst() }
        if segments.count > 1, segments.last == "" { segments.removeLast() }
        return segments
    }
}

/// An operation a request matched, with its decoded path parameters.
public struct ServerRoute: Sendable, Hashable {
    /// The matched operation.
    public var operation: OperationDescriptor
    /// The path parameters by name, percent-decoded.
    public var pathParameters: [String: String]

    /// Creates a route.
    public init(operation: OperationDescriptor, pathParameters: [String: String]) {
        self.operation = operation
        self.pathParameters = pathParameters
    }
}

/// Why a request matches no operation.
public enum RouteMismatch: Error, Sendable, Hashable {
    /// No operation has this path.
    case unknownPath
    /// The path exists with other methods (`Allow` lists them).
    case methodNotAllowed(allowed: [HTTPRequest.Method])
}
