import Testing
@testable import XAPIGenerator

/// The spec's rules as values: `SchemaPattern` for string schemas with a `pattern`, and
/// `OperationParameter.<Operation>` for each operation's parameters, for code that must keep
/// the rules the generated checks keep without retyping them.
@Suite("Snippets: rules as values")
struct RuleSnippetTests {
    static let spec = #"""
    openapi: 3.1.0
    info:
      title: Snippet
      version: "1.0"
    paths:
      /locations/{handle}:
        get:
          operationId: location
          summary: A location
          parameters:
            - name: handle
              in: path
              required: true
              description: The handle. More text that stays out.
              schema:
                $ref: "#/components/schemas/Handle"
            - name: limit
              in: query
              schema:
                type: integer
                exclusiveMinimum: 0
                exclusiveMaximum: 101
            - name: tags
              in: query
              description: Tags.
              explode: false
              schema:
                type: array
                maxItems: 5
                items:
                  type: string
                  pattern: "^[a-z]+$"
                  maxLength: 20
          responses:
            "204":
              description: Nothing.
    components:
      schemas:
        Handle:
          type: string
          description: A handle.
          pattern: "^[A-Za-z0-9_]{1,15}$"
        Token:
          type: string
          description: A token, without a pattern.
          minLength: 16
    """#

    @Test("A string schema's pattern is a constant of SchemaPattern; a schema without one has none")
    func schemaPatterns() throws {
        let models = body(try generate(Self.spec)[.models])
        #expect(models.contains(#"""
        public enum SchemaPattern {
            /// ``Handle``: `^[A-Za-z0-9_]{1,15}$`.
            public static let handle = "^[A-Za-z0-9_]{1,15}$"
        }
        """#))
        #expect(!models.contains("token ="))
    }

    @Test("Each operation's parameters with their names and bounds; integer bounds inclusive, a list's items' rules")
    func parameters() throws {
        let operations = body(try generate(Self.spec)[.operations])
        expectSame(operations, #"""
        extension OperationDescriptor {
            /// `GET /locations/{handle}`: A location.
            public static let location = OperationDescriptor(
                id: "location",
                method: .get,
                path: "/locations/{handle}",
                security: [],
                rateLimits: [],
                dailyCaps: [],
                isIdempotent: true
            )
        }

        extension OperationParameter {
            /// The parameters of `GET /locations/{handle}` (``OperationDescriptor/location``), as the spec
            /// names and bounds them.
            public enum Location2 {
                /// `handle`, in the path: The handle.
                public static let handle = OperationParameter(
                    name: "handle",
                    location: .path,
                    pattern: "^[A-Za-z0-9_]{1,15}$"
                )

                /// `limit`, in the query.
                public static let limit = OperationParameter(
                    name: "limit",
                    location: .query,
                    minimum: 1,
                    maximum: 100
                )

                /// `tags`, in the query: Tags.
                public static let tags = OperationParameter(
                    name: "tags",
                    location: .query,
                    pattern: "^[a-z]+$",
                    maxLength: 20,
                    maxItems: 5
                )
            }
        }

        """#)
    }

    @Test("The parameters' namespace and the server's input share a name that avoids OperationParameter's own")
    func sharedNames() throws {
        let result = try Generator(mode: .server).generate(yaml: Self.spec, file: "snippet.yaml")
        let server = try #require(result.files.first { $0.name == .server }).contents
        #expect(server.contains("public struct Location2: Sendable, Hashable"))
        #expect(body(try generate(Self.spec)[.operations]).contains("public enum Location2 {"))
    }
}
