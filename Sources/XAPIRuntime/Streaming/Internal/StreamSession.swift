import Foundation
import HTTPTypes
import Logging

/// One iteration of an ``EventStream``: its connections one after another, the backoff
/// between them, and the events they deliver, each once.
final class StreamSession<Event: Decodable & Sendable> {
    let environment: StreamEnvironment
    var options: StreamOptions { environment.options }

    /// The number of the latest connection attempt.
    var connection = 0
    /// The connection being read.
    var reader: StreamBodyReader?
    /// Failed attempts in a row, of the latest kind.
    var failures: (kind: StreamReconnectionPolicy.Failure, count: Int)?
    /// What to wait for, and why, before the next attempt.
    var pendingReconnect: StreamReconnect.Reason?
    var pendingDelay: Duration = .zero
    /// When bytes last arrived on a connection that was up: a reconnection asks for the
    /// events since then again.
    var lastActivity: Date?
    var recent: RecentEventIDs
    /// Thrown at the next call: the event that caused it was delivered first.
    var deferredError: (any Error)?
    var finished = false
    let decoder = XAPIJSON.makeDecoder()

    init(environment: StreamEnvironment) {
        self.environment = environment
        self.recent = RecentEventIDs(capacity: environment.options.rememberedEventIDs)
    }

    func notify(_ notice: StreamNotice) {
        options.onNotice?(notice)
    }

    func next() async throws -> Event? {
        while true {
            if finished { return nil }
            if let error = deferredError {
                finish()
                throw error
            }
            if Task.isCancelled {
                finish()
                return nil
            }
            do {
                guard let reader else {
                    try await connect()
                    continue
                }
                let line: StreamLineSplitter.Line?
                do {
                    line = try await reader.nextLine()
                } catch let interruption as StreamBodyReader.Interruption {
                    try disconnect(interruption)
                    continue
                }
                guard let line else {
                    if Task.isCancelled { continue }
                    disconnect(.closedByServer)
                    continue
                }
                if line.isKeepAlive { continue }
                if let event = try await deliver(line) { return event }
            } catch is CancellationError {
                finish()
                return nil
            } catch {
                finish()
                throw error
            }
        }
    }

    func finish() {
        finished = true
        reader = nil
    }

    // MARK: Disconnections

    func disconnect(_ reason: StreamDisconnection) {
        // Events may have been missed since bytes last arrived, not only since now.
        let silence = reader.map { ContinuousClock.now - $0.lastActivity } ?? .zero
        reader = nil
        lastActivity = environment.clock.now().addingTimeInterval(-silence.seconds)
        notify(.disconnected(connection: connection, reason: reason))
        environment.logger.debug("Stream disconnected", metadata: [
            "xapi.operation": .string(environment.operation.id), "xapi.connection": .stringConvertible(connection),
            "reason": .string(reason.description),
        ])
        pendingReconnect = .disconnected(reason)
        pendingDelay = .zero
    }

    private func disconnect(_ interruption: StreamBodyReader.Interruption) throws {
        switch interruption {
        case .stalled(let timeout):
            disconnect(StreamDisconnection.stalled(timeout))
        case .failed(let error):
            disconnect(.readFailed(Redaction.scrub(String(describing: error), secrets: environment.interpreter.secrets)))
        case .lineTooLong(let tooLong):
            let error = StreamLineError(
                connection: connection, line: tooLong.number, byteOffset: tooLong.byteOffset, decodingPath: nil,
                reason: "the line is longer than \(options.maximumLineBytes) bytes",
                excerpt: String(decoding: tooLong.excerpt, as: UTF8.self))
            try reportMalformed(error)
            disconnect(.readFailed("a line longer than \(options.maximumLineBytes) bytes"))
        }
    }

    /// Reports a line that is not an event, or throws it under ``StreamOptions/MalformedLinePolicy/fail``.
    func reportMalformed(_ error: StreamLineError) throws {
        notify(.malformedLine(error))
        environment.logger.warning("Stream line is not an event", metadata: [
            "xapi.operation": .string(environment.operation.id), "error": .string(error.description),
        ])
        guard options.malformedLines == .fail else { return }
        throw XAPIError(code: .decoding, operationID: environment.operation.id, message: error.description,
                        decodingPath: error.decodingPath, bodyExcerpt: error.excerpt, underlyingError: error)
    }
}
