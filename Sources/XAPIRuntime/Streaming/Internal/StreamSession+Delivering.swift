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

    /// Records what X charges for a delivered event. X charged it already, so it is recorded
    /// even past the budget; the stream ends (after delivering it) as soon as the budget has
    /// no room for one more event, so it holds to within the events already on their way.
    private func charge(eventID: String?, type: String?) async throws {
        guard let pricing = environment.operation.pricing else { return }
        let eventPricing = pricing.pricing(forEvent: type)
        guard eventPricing.price > .zero else { return }
        let ledger = environment.spending
        let operation = environment.operation
        let now = environment.clock.now()
        do {
            let reservation: SpendReservation
            do {
                reservation = try await ledger.reserve(eventPricing.price, budget: environment.budget, operation: operation, at: now)
            } catch var exhausted as XAPIError where exhausted.code == .budgetExceeded {
                exhausted.message = "The budget has no room for more events (\(exhausted.budget?.description ?? exhausted.message)). "
                    + "The stream stops; the last event delivered was charged, as X charges what it delivers."
                deferredError = exhausted
                reservation = try await ledger.reserve(eventPricing.price, budget: nil, operation: operation, at: now)
            }
            let charge = try await ledger.settle(reservation, pricing: eventPricing, resourceIDs: eventID.map { [$0] },
                                                 ownedRead: false, at: now)
            notify(.charged(charge, eventID: eventID, eventType: type))
            if deferredError == nil, charge.amount > .zero {
                do {
                    try await checkBudget()
                } catch var exhausted as XAPIError where exhausted.code == .budgetExceeded {
                    exhausted.message = "The budget has no room for another event (\(exhausted.budget?.description ?? exhausted.message)). "
                        + "The stream stops."
                    deferredError = exhausted
                }
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
