import Foundation

extension StreamSession {
    /// The event a line carries, or `nil` when the line is skipped: a message of problems
    /// from the server, an event already delivered, or a malformed line (reported).
    func deliver(_ line: StreamLineSplitter.Line) async throws -> Event? {
        let data = Data(line.bytes)
        let event: Event
        do {
            event = try decoder.decode(Event.self, from: data)
        } catch {
            if let problems = Self.serverMessage(in: data) {
                serverMessage(problems)
                return nil
            }
            var path: String?
            var reason = "it is not JSON: \(error)"
            if let error = error as? DecodingError {
                (path, reason) = ResponseInterpreter.describe(error)
            }
            try reportMalformed(StreamLineError(
                connection: connection, line: line.number, byteOffset: line.byteOffset, decodingPath: path, reason: reason,
                excerpt: String(decoding: line.bytes.prefix(ResponseInterpreter.excerptLength), as: UTF8.self)))
            return nil
        }
        let identified = event as? any StreamEvent
        let id = identified?.streamEventID
        let type = identified?.streamEventType
        // An envelope whose members are all optional decodes from a message of problems too.
        if id == nil, type == nil, let problems = Self.serverMessage(in: data) {
            serverMessage(problems)
            return nil
        }
        if let id, !recent.insert(id) {
            notify(.duplicateSkipped(eventID: id))
            return nil
        }
        try await charge(eventID: id, type: type)
        return event
    }

    private func serverMessage(_ problems: [Problem]) {
        notify(.serverMessage(problems))
        environment.logger.notice("Stream message from the server", metadata: [
            "xapi.operation": .string(environment.operation.id),
            "problems": .string(problems.map { $0.title ?? $0.type ?? "problem" }.joined(separator: "; ")),
        ])
    }

    /// The problems of a line that is X's in-stream message (`{"errors":[…]}` without `data`).
    static func serverMessage(in data: Data) -> [Problem]? {
        guard let message = try? XAPIJSON.makeDecoder().decode(StreamServerMessage.self, from: data), message.data == nil,
              let errors = message.errors, !errors.isEmpty else { return nil }
        return errors
    }

    /// Records what X charges for a delivered event (``SpendLedger/chargeEvent(id:type:pricing:budget:operation:at:)``);
    /// the stream ends, after delivering it, once the budget has no room for another.
    private func charge(eventID: String?, type: String?) async throws {
        guard let pricing = environment.operation.pricing, pricing.eventPrice(for: type) > .zero else { return }
        let operation = environment.operation
        do {
            let result = try await environment.spending.chargeEvent(
                id: eventID, type: type, pricing: pricing, budget: environment.budget, operation: operation,
                at: environment.clock.now())
            notify(.charged(result.charge, eventID: eventID, eventType: type))
            if let exhausted = result.budgetExhausted, deferredError == nil {
                var error = exhausted
                error.message += " The stream stops."
                deferredError = error
            }
        } catch let error as XAPIError where error.code == .spendLedgerStorage {
            environment.logger.error("Spend ledger could not record an event's charge", metadata: [
                "xapi.operation": .string(operation.id), "error": .string(error.description),
            ])
            // Without a ledger a budget cannot hold: stop rather than spend blind.
            if environment.budget != nil { throw error }
        }
    }
}

/// X's in-stream message: problems, and no event.
struct StreamServerMessage: Decodable {
    var data: JSONValue?
    var errors: [Problem]?
}
