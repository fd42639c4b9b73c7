import Foundation
import XFollows

/// One request the sandbox answered, as its journal keeps it: tests check what reached the
/// server (or that nothing did).
///
/// ```swift
/// let records = await server.requests()
/// records.last?.queryValue("user.fields")   // "created_at,description"
/// records.last?.status                      // 200
/// ```
public struct SandboxRequestRecord: Sendable, Hashable {
    /// The HTTP method.
    public var method: String
    /// The path as received (percent-encoded).
    public var path: String
    /// The query items, decoded, in their order.
    public var query: [OperationRequest.QueryItem]
    /// The operation the request matched; `nil` for an unknown path.
    public var operationID: String?
    /// The status the sandbox answered.
    public var status: Int
    /// How the request authenticated; `nil` when it did not.
    public var authentication: AuthenticationMethod?
    /// The authenticated user; `nil` for App-only or unauthenticated requests.
    public var userID: String?
    /// When it arrived, by the sandbox's clock.
    public var date: Date
    /// What the App was charged for it; `nil` when nothing was billed.
    public var charge: Charge?
    /// The fault injected into the answer (``SandboxFaults``); `nil` when none was.
    public var fault: SandboxFault?

    /// Creates a record.
    public init(
        method: String, path: String, query: [OperationRequest.QueryItem], operationID: String?, status: Int,
        authentication: AuthenticationMethod?, userID: String?, date: Date, charge: Charge? = nil,
        fault: SandboxFault? = nil
    ) {
        self.fault = fault
        self.method = method
        self.path = path
        self.query = query
        self.operationID = operationID
        self.status = status
        self.authentication = authentication
        self.userID = userID
        self.date = date
        self.charge = charge
    }

    /// The value of the first query item with this name.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
