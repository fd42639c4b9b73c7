import Testing
@testable import XAPIGenerator

/// Streaming operations, pagination by X's conventions, discriminators that name a member of
/// the enclosing object, and request bodies that refuse `null`.
@Suite("Snippets: streams, inferred pages, parent discriminators")
struct StreamingSnippetTests {
    /// X's shapes: a stream with `backfill_minutes` whose events carry `data.event_uuid` and
    /// `data.event_type`, a payload picked by `../event_type`, and a list that pages by X's
    /// convention without `x-pagination`.
    static let spec = #"""
    openapi: 3.1.0
    info:
      title: Snippet
      version: "1.0"
    paths:
      /2/events/stream:
        get:
          operationId: eventStream
          x-twitter-streaming: true
          parameters:
            - name: backfill_minutes
              in: query
              schema:
                type: integer
                minimum: 0
                maximum: 5
          responses:
            "200":
              description: Events.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/EventMessage"
      /2/things:
        get:
          operationId: things
          parameters:
            - name: max_results
              in: query
              schema:
                type: integer
                default: 10
            - name: pagination_token
              in: query
              schema:
                type: string
          responses:
            "200":
              description: Things.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/ThingsPage"
        post:
          operationId: makeThing
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  $ref: "#/components/schemas/NewThing"
          responses:
            "204":
              description: Made.
    components:
      schemas:
        EventMessage:
          type: object
          properties:
            data:
              type: object
              properties:
                event_uuid:
                  type: string
                event_type:
                  type: string
                payload:
                  $ref: "#/components/schemas/Payload"
        Payload:
          oneOf:
            - $ref: "#/components/schemas/Follow"
            - $ref: "#/components/schemas/Bio"
          discriminator:
            propertyName: ../event_type
            mapping:
              follow.follow: "#/components/schemas/Follow"
              profile.update.bio: "#/components/schemas/Bio"
        Follow:
          type: object
          properties:
            source_id:
              type: string
        Bio:
          type: object
          properties:
            after:
              type: string
        ThingsPage:
          type: object
          properties:
            data:
              type: array
              items:
                type: string
            meta:
              type: object
              properties:
                next_token:
                  type: string
        NewThing:
          type: object
          required: [name]
          properties:
            name:
              type: string
            color:
              type: string
            shade:
              type: [string, "null"]
    """#

    @Test("A streaming operation returns an EventStream of its line type; its descriptor names the backfill parameter")
    func streamFunction() throws {
        let files = try generate(Self.spec)
        let clients = body(files[.clients])
        #expect(clients.contains("""
            public func eventStream(
                backfillMinutes: Int? = nil,
                options: StreamOptions = StreamOptions()
            ) throws -> EventStream<EventMessage> {
        """), "\(clients)")
        #expect(clients.contains("return try stream(request, decoding: EventMessage.self, options: options)"))
        #expect(clients.contains("for try await event in try client.eventStream() {"))
        let operations = body(files[.operations])
        #expect(operations.contains("streaming: OperationStreaming(backfillParameter: \"backfill_minutes\", maximumBackfillMinutes: 5)"))
        expectSame(operations.slice(from: "extension EventMessage: StreamEvent", through: "\n}\n"), """
        extension EventMessage: StreamEvent {
            /// The event's unique ID, `data.event_uuid`: a stream delivers each once.
            public var streamEventID: String? { self.data?.eventUUID }

            /// The event's kind, `data.event_type`, which prices it.
            public var streamEventType: String? { self.data?.eventType }
        }

        """)
    }

    @Test("A list with pagination_token and meta.next_token gets a page sequence without x-pagination")
    func inferredPagination() throws {
        let files = try generate(Self.spec)
        let clients = body(files[.clients])
        #expect(clients.contains("public func thingsPages("))
        #expect(clients.contains("try await self.things(maxResults: maxResults, paginationToken: token)"))
        #expect(body(files[.operations]).contains("pagination: OperationPagination(tokenParameter: \"pagination_token\", pageSizeParameter: \"max_results\")"))
        let turnedOff = Self.spec.replacingOccurrences(of: "operationId: things\n", with: "operationId: things\n      x-pagination: false\n")
        #expect(!body(try generate(turnedOff)[.clients]).contains("thingsPages"))
        #expect(diagnostics(turnedOff).filter { $0.severity == .warning }.allSatisfy { !$0.message.contains("things") })
    }

    @Test("A token parameter without meta.next_token, or both token parameters, is a located warning")
    func inferenceWarnings() throws {
        let noToken = Self.spec.replacingOccurrences(of: "            next_token:\n              type: string\n", with: "            count:\n              type: integer\n")
        let messages = diagnostics(noToken).map { "\($0.location.line): \($0.message)" }
        #expect(messages.contains { $0.hasSuffix("operation 'things' takes 'pagination_token' but schema 'ThingsPage' has no string 'meta.next_token'; it gets no page sequence (declare 'x-pagination')") }, "\(messages)")
        #expect(!body(try generate(noToken)[.clients]).contains("thingsPages"))

        let both = Self.spec.replacingOccurrences(of: "        - name: pagination_token\n", with: "        - name: next_token\n          in: query\n          schema:\n            type: string\n        - name: pagination_token\n")
        #expect(diagnostics(both).contains { $0.message.contains("takes both 'pagination_token' and 'next_token'; its page sequence sends 'pagination_token'") })
        #expect(body(try generate(both)[.operations]).contains("OperationPagination(tokenParameter: \"pagination_token\""))
    }

    @Test("A discriminator naming the parent's member: the parent passes it down, with a located warning")
    func parentDiscriminator() throws {
        let files = try generate(Self.spec)
        let models = body(files[.models])
        #expect(models.contains("public enum Payload: Codable, Hashable, Sendable, ParentDiscriminated {"))
        #expect(models.contains("public init(from decoder: any Decoder, discriminator kind: String?) throws {"))
        #expect(models.contains("switch kind ?? \"\" {"))
        #expect(models.contains("self.payload = try members.optionalMember(\"payload\", discriminator: try members.optionalMember(\"event_type\") as String?)"))
        let warning = try #require(diagnostics(Self.spec).first { $0.message.contains("../event_type") })
        #expect(warning.severity == .warning)
        #expect(warning.location.line == 74)
    }

    @Test("A type only requests carry refuses null for a member that may only be left out")
    func requestOnlyNulls() throws {
        let models = body(try generate(Self.spec)[.models])
        let thing = models.slice(from: "public struct NewThing", through: "\n}\n")
        #expect(thing.contains("self.color = try members.absentOrMember(\"color\")"))
        #expect(thing.contains("self.shade = try members.optionalMember(\"shade\")"))
        // Response types stay lenient.
        #expect(models.slice(from: "public struct ThingsPage", through: "\n}\n").contains("optionalMember(\"data\")"))
    }

    @Test("x-streaming paths must exist; its connections must be positive")
    func declaredStreamingErrors() {
        let path = Self.spec.replacingOccurrences(of: "      x-twitter-streaming: true\n", with: "      x-streaming:\n        event-id: data.nothing\n")
        let pathErrors = diagnostics(path).filter { $0.severity == .error }.map { "\($0.location.line): \($0.message)" }
        #expect(pathErrors == ["10: 'x-streaming' path 'data.nothing' does not lead to a property of schema 'EventMessage'"])
        let connections = Self.spec.replacingOccurrences(of: "      x-twitter-streaming: true\n", with: "      x-streaming:\n        connections: 0\n")
        let connectionErrors = diagnostics(connections).filter { $0.severity == .error }.map { "\($0.location.line): \($0.message)" }
        #expect(connectionErrors == ["10: 'connections' in 'x-streaming' of operation 'eventStream' must be positive, not 0"])
    }
}

extension String {
    /// The text from the first `start` through the first `end` after it; empty when absent.
    func slice(from start: String, through end: String) -> String {
        guard let lower = range(of: start) else { return "" }
        guard let upper = self[lower.upperBound...].range(of: end) else { return String(self[lower.lowerBound...]) }
        return String(self[lower.lowerBound..<upper.upperBound])
    }
}
