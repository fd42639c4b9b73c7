import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// What a stream needs from its client, captured when the stream is made.
struct StreamEnvironment: Sendable {
    var request: OperationRequest
    var options: StreamOptions
    var clock: ClientClock
    var logger: Logger
    var spending: SpendLedger
    var budget: SpendBudget?
    var interpreter: ResponseInterpreter
    /// Sends one attempt (renewing refused credentials once) and answers with the response
    /// head and the unread body.
    var connect: @Sendable (_ request: OperationRequest, _ attempt: Int) async throws -> OpenedResponse

    var operation: OperationDescriptor { request.operation }
}

/// Remembers the most recent event IDs, up to a count, to skip an event delivered before.
struct RecentEventIDs {
    let capacity: Int
    private var members: Set<String> = []
    private var order: [String] = []
    private var head = 0

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// Records `id`; false when it was already there.
    mutating func insert(_ id: String) -> Bool {
        guard capacity > 0 else { return true }
        guard members.insert(id).inserted else { return false }
        if order.count < capacity {
            order.append(id)
        } else {
            members.remove(order[head])
            order[head] = id
            head = (head + 1) % capacity
        }
        return true
    }
}
