import Foundation
import Testing
@testable import XAPIGenerator

/// Each error names what is wrong and where, as `file:line:col`.
@Suite("Diagnostics")
struct DiagnosticTests {
    /// Expects exactly one error, `message`, at the `occurrence`th `needle` of `yaml`.
    private func expectError(
        _ yaml: String,
        _ message: String,
        at needle: String,
        occurrence: Int = 1,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let found = diagnostics(yaml).filter { $0.severity == .error }
        let (line, column) = yaml.position(of: needle, occurrence: occurrence)
        let expected = "spec.yaml:\(line):\(column): error: \(message)"
        #expect(found.map(\.description) == [expected], sourceLocation: sourceLocation)
    }

    @Test("The mini spec is valid")
    func miniSpecIsValid() {
        #expect(diagnostics(miniSpec).isEmpty)
    }

    @Test("Bad YAML is located where libyaml stopped")
    func badYAML() {
        let yaml = miniSpec.replacing(once: "  version: \"1.0\"", with: "  version: [\"1.0\"")
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        let diagnostic = found.first
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.message.hasPrefix("invalid YAML: ") == true)
        // The flow sequence opened on line 4 is never closed; libyaml notices on the next line.
        #expect(diagnostic?.location.line == 5)
        #expect(diagnostic?.location.column == 1)
    }

    @Test("A tab in indentation is bad YAML")
    func tabIndentation() {
        let yaml = miniSpec.replacing(once: "  title: Mini", with: "\ttitle: Mini")
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        #expect(found.first?.location.line == 3)
        #expect(found.first?.message.hasPrefix("invalid YAML: ") == true)
    }

    @Test("An unresolved $ref")
    func unresolvedReference() {
        let yaml = miniSpec.replacing(once: "$ref: \"#/components/schemas/Tweet\"", with: "$ref: \"#/components/schemas/Tweeet\"")
        expectError(yaml, "unresolved reference '#/components/schemas/Tweeet'", at: "\"#/components/schemas/Tweeet\"")
    }

    @Test("An external $ref")
    func externalReference() {
        let yaml = miniSpec.replacing(once: "$ref: \"#/components/schemas/Tweet\"", with: "$ref: \"tweets.yaml#/Tweet\"")
        expectError(yaml, "external reference 'tweets.yaml#/Tweet' is not supported; keep the spec in one file", at: "\"tweets.yaml")
    }

    @Test("A $ref into the wrong section")
    func referenceIntoWrongSection() {
        let yaml = miniSpec.replacing(once: "$ref: \"#/components/schemas/Page\"", with: "$ref: \"#/components/parameters/Page\"")
        expectError(yaml, "reference '#/components/parameters/Page' points into 'parameters' where a 'schemas' entry is expected", at: "\"#/components/parameters/Page\"")
    }

    @Test("A duplicate operationId")
    func duplicateOperationID() {
        let second = """
          /2/users/{id}/following:
            get:
              operationId: usersIdFollowers
              parameters:
                - name: id
                  in: path
                  required: true
                  schema:
                    type: string
              responses:
                "200":
                  description: OK
        components:
        """
        let yaml = miniSpec.replacing(once: "components:\n", with: second + "\n")
        let first = yaml.position(of: "usersIdFollowers")
        expectError(
            yaml,
            "duplicate operationId 'usersIdFollowers' (first used at \(first.line):\(first.column))",
            at: "usersIdFollowers",
            occurrence: 2
        )
    }

    @Test("A missing required key")
    func missingRequiredKey() {
        let yaml = miniSpec.replacing(once: "  version: \"1.0\"\n", with: "")
        expectError(yaml, "missing required key 'version' in 'info'", at: "title: Mini")
    }

    @Test("A missing 'responses'")
    func missingResponses() {
        let yaml = miniSpec.replacing(once: "      responses:\n        \"200\":\n          description: OK\n          content:\n            application/json:\n              schema:\n                $ref: \"#/components/schemas/Page\"\n", with: "")
        expectError(yaml, "missing required key 'responses' in operation 'usersIdFollowers'", at: "operationId: usersIdFollowers")
    }

    @Test("A value of the wrong type")
    func wrongType() {
        let yaml = miniSpec.replacing(once: "          required: true", with: "          required: yes")
        expectError(yaml, "expected a boolean for 'required' in parameter 'id', found a string", at: "yes")
    }

    @Test("A mapping where a sequence belongs")
    func mappingForSequence() {
        let yaml = miniSpec.replacing(once: "      required: [id, name]", with: "      required:\n        id: true")
        expectError(yaml, "expected a sequence of strings for 'required' in schema 'User', found a mapping", at: "id: true")
    }

    @Test("An unknown type name")
    func unknownType() {
        let yaml = miniSpec.replacing(once: "        name:\n          type: string", with: "        name:\n          type: text")
        expectError(yaml, "unknown type 'text' in property 'name' of schema 'User'; expected one of string, integer, number, boolean, object, array, null", at: "text")
    }

    @Test("A path parameter that is not in the path")
    func pathParameterNotInPath() {
        let yaml = miniSpec.replacing(once: "/2/users/{id}/followers:", with: "/2/users/{user_id}/followers:")
        let found = diagnostics(yaml).filter { $0.severity == .error }.map(\.description)
        let parameter = yaml.position(of: "id\n          in: path")
        let operation = yaml.position(of: "operationId: usersIdFollowers")
        #expect(found == [
            "spec.yaml:\(parameter.line):\(parameter.column): error: path parameter 'id' of operation 'usersIdFollowers' does not appear in path '/2/users/{user_id}/followers'",
            "spec.yaml:\(operation.line):\(operation.column): error: path '/2/users/{user_id}/followers' has '{user_id}' but operation 'usersIdFollowers' declares no path parameter 'user_id'",
        ])
    }

    @Test("A path parameter that is not required")
    func optionalPathParameter() {
        let yaml = miniSpec.replacing(once: "          required: true\n", with: "")
        expectError(yaml, "path parameter 'id' must be marked 'required: true'", at: "name: id")
    }

    @Test("A fields parameter naming a property its schema lacks")
    func fieldNotInSchema() {
        let yaml = miniSpec.replacing(once: "enum: [id, name, pinned_tweet_id]", with: "enum: [id, name, pinned_tweet_id, location]")
        expectError(yaml, "field 'location' of parameter 'user.fields' is not a property of schema 'User'", at: "location]")
    }

    @Test("A fields parameter naming a schema that does not exist")
    func fieldsOfMissingSchema() {
        let yaml = miniSpec.replacing(once: "            schema: User\n            defaults", with: "            schema: Person\n            defaults")
        expectError(yaml, "'x-fields' of parameter 'user.fields' names schema 'Person', which does not exist", at: "Person")
    }

    @Test("A default field that is not one of the parameter's values")
    func defaultFieldNotAValue() {
        let yaml = miniSpec.replacing(once: "defaults: [id, name]", with: "defaults: [id, name, pinned_tweet_id, name2]")
        expectError(yaml, "default field 'name2' of parameter 'user.fields' is not a property of schema 'User'", at: "name2")
    }

    @Test("An expansion pointing at a missing schema")
    func expansionTargetMissing() {
        let yaml = miniSpec.replacing(once: "target: Tweet", with: "target: Post")
        expectError(yaml, "expansion 'pinned_tweet_id' points at schema 'Post', which does not exist", at: "Post")
    }

    @Test("An expansion reading a field its schema lacks")
    func expansionFieldMissing() {
        let yaml = miniSpec.replacing(once: "field: pinned_tweet_id", with: "field: pinned_post_id")
        expectError(yaml, "expansion 'pinned_tweet_id' reads field 'pinned_post_id', which schema 'User' does not have", at: "pinned_post_id")
    }

    @Test("An expansion reading a dotted path that leads nowhere")
    func expansionPathMissing() {
        let yaml = miniSpec.replacing(once: "field: pinned_tweet_id", with: "field: pinned_tweet_id.user_id")
            .replacing(once: "              property: pinned_tweet\n", with: "")
        expectError(yaml, "expansion 'pinned_tweet_id' reads field 'pinned_tweet_id.user_id', which schema 'User' does not have", at: "pinned_tweet_id.user_id")
    }

    @Test("An expansion resolved into a property must read a top-level field")
    func expansionPropertyFromPath() {
        let yaml = miniSpec.replacing(once: "field: pinned_tweet_id", with: "field: pinned_tweet_id.length")
            .replacing(once: "        pinned_tweet_id:\n          type: string", with: "        pinned_tweet_id:\n          type: object\n          properties:\n            length:\n              type: string")
        let found = diagnostics(yaml).filter { $0.severity == .error }.map(\.message)
        #expect(found == ["expansion 'pinned_tweet_id' resolves into property 'pinned_tweet', which needs a top-level field, not the path 'pinned_tweet_id.length'; leave 'property' out to only fill 'includes'"])
    }

    @Test("An expansion without a property only fills includes: no resolved member")
    func expansionWithoutProperty() throws {
        let yaml = miniSpec.replacing(once: "              property: pinned_tweet\n", with: "")
        #expect(diagnostics(yaml).isEmpty)
    }

    @Test("x-endpoints: a relative URL, a missing role, a role the scheme has not")
    func endpoints() {
        let relative = miniSpec.replacing(once: "      scheme: bearer\n", with: "      scheme: bearer\n      x-endpoints:\n        token: /oauth2/token\n        invalidation: https://api.x.com/oauth2/invalidate_token\n")
        expectError(relative, "'/oauth2/token' in 'x-endpoints' of security scheme 'BearerToken' is not an absolute http or https URL", at: "/oauth2/token")
        let missing = miniSpec.replacing(once: "      scheme: bearer\n", with: "      scheme: bearer\n      x-endpoints:\n        token: https://api.x.com/oauth2/token\n")
        expectError(missing, "'x-endpoints' of security scheme 'BearerToken' needs 'invalidation' too", at: "token: https")
        let foreign = miniSpec.replacing(once: "      scheme: bearer\n", with: "      scheme: bearer\n      x-endpoints:\n        token: https://a.example/t\n        invalidation: https://a.example/i\n        revocation: https://a.example/r\n")
        expectError(foreign, "'x-endpoints' of security scheme 'BearerToken' may not name 'revocation'; its roles are invalidation, token", at: "https://a.example/r")
    }

    @Test("x-authenticated-user-lookup on an operation with a required parameter")
    func authenticatedUserLookup() {
        let yaml = miniSpec.replacing(once: "      responses:\n", with: "      x-authenticated-user-lookup: true\n      responses:\n")
        let found = diagnostics(yaml).filter { $0.severity == .error }.map(\.message)
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("must be a GET without required parameters") == true)
    }

    @Test("An expansion filling an includes collection that does not exist")
    func expansionIncludesMissing() {
        let yaml = miniSpec.replacing(once: "includes: tweets", with: "includes: posts")
        expectError(yaml, "expansion 'pinned_tweet_id' fills 'includes.posts', which is not an array of 'Tweet' in schema 'Includes'", at: "posts")
    }

    @Test("A malformed extension")
    func malformedExtension() {
        let yaml = miniSpec.replacing(once: "        next-token: meta.next_token", with: "        next-token: meta.next_token\n        next-page: 2")
        expectError(yaml, "unknown key 'next-page' in 'x-pagination' of operation 'usersIdFollowers'", at: "next-page")
    }

    @Test("A pagination token path that leads nowhere")
    func paginationPathMissing() {
        let yaml = miniSpec.replacing(once: "next-token: meta.next_token", with: "next-token: meta.next_cursor")
        expectError(yaml, "'x-pagination' path 'meta.next_cursor' does not lead to a property of schema 'Page'", at: "meta.next_cursor")
    }

    @Test("A pagination token parameter the operation lacks")
    func paginationParameterMissing() {
        let yaml = miniSpec.replacing(once: "token-parameter: pagination_token", with: "token-parameter: cursor")
        expectError(yaml, "'x-pagination' names token parameter 'cursor', which is not a query parameter of operation 'usersIdFollowers'", at: "cursor")
    }

    @Test("A reference cycle")
    func referenceCycle() {
        let yaml = miniSpec.replacing(once: "    UserID:\n      type: string\n      pattern: \"^[0-9]{1,19}$\"", with: "    UserID:\n      $ref: \"#/components/schemas/Handle\"\n    Handle:\n      $ref: \"#/components/schemas/UserID\"")
        expectError(yaml, "schema reference cycle: Handle -> UserID -> Handle", at: "\"#/components/schemas/UserID\"\n    User:")
    }

    @Test("A struct that contains itself by value is a warning: the property closing the cycle is any JSON value")
    func recursiveStruct() {
        let yaml = miniSpec.replacing(once: "        id:\n          type: string\n    Includes:", with: "        id:\n          type: string\n        quoted:\n          $ref: \"#/components/schemas/Tweet\"\n    Includes:")
        let (line, column) = yaml.position(of: "type: object\n      required: [id]\n      properties:\n        id:\n          type: string\n        quoted", occurrence: 1)
        #expect(diagnostics(yaml).map(\.description) == [
            "spec.yaml:\(line):\(column): warning: 'Tweet -> Tweet' contains itself by value, which a Swift struct cannot; 'quoted' of 'Tweet' is read as any JSON value (JSONValue)",
        ])
    }

    @Test("A security requirement naming an undefined scheme")
    func undefinedSecurityScheme() {
        let yaml = miniSpec.replacing(once: "        - BearerToken: []", with: "        - AppToken: []")
        expectError(yaml, "security scheme 'AppToken' is not defined in 'components.securitySchemes'", at: "AppToken")
    }

    @Test("An x-swift-name whose labels do not match the leading arguments")
    func swiftNameLabelCount() {
        let yaml = miniSpec.replacing(once: "x-swift-name: followers(of:)", with: "x-swift-name: followers(of:page:)")
        expectError(yaml, "'x-swift-name' followers(of:page:) has 2 argument label(s) but operation 'usersIdFollowers' has 1 leading argument(s) (its required path parameters and body members)", at: "followers(of:page:)")
    }

    @Test("Two operations that would become the same function")
    func sameFunction() {
        let second = """
          /2/users/{id}/following:
            get:
              operationId: usersIdFollowing
              x-swift-name: followers(of:)
              parameters:
                - name: id
                  in: path
                  required: true
                  schema:
                    type: string
                - name: pagination_token
                  in: query
                  schema:
                    type: string
                - name: user.fields
                  in: query
                  schema:
                    type: string
                - name: expansions
                  in: query
                  schema:
                    type: string
              responses:
                "200":
                  description: OK
        components:
        """
        let yaml = miniSpec.replacing(once: "components:\n", with: second + "\n")
        expectError(yaml, "operations 'usersIdFollowers' and 'usersIdFollowing' both become followers(of:paginationToken:userFields:expansions:); give one an 'x-swift-name'", at: "operationId: usersIdFollowing")
    }

    @Test("An invalid pattern")
    func invalidPattern() {
        let yaml = miniSpec.replacing(once: "pattern: \"^[0-9]{1,19}$\"", with: "pattern: \"^[0-9{1,19}$\"")
        expectError(yaml, "'pattern' of schema 'UserID' is not a valid regular expression: ^[0-9{1,19}$", at: "\"^[0-9{1,19}$\"")
    }

    @Test("A duplicate key")
    func duplicateKey() {
        let yaml = miniSpec.replacing(once: "        name:\n          type: string\n        pinned", with: "        name:\n          type: string\n        name:\n          type: integer\n        pinned")
        let first = yaml.position(of: "name:\n          type: string\n        name:")
        expectError(yaml, "duplicate key 'name' (first defined at \(first.line):\(first.column))", at: "name:\n          type: integer")
    }

    @Test("An unsupported construct is a warning, not an error")
    func unsupportedConstructWarns() throws {
        let yaml = miniSpec.replacing(once: "        name:\n          type: string\n        pinned", with: "        name:\n          type: string\n          not:\n            const: \"\"\n        pinned")
        let found = diagnostics(yaml)
        let (line, column) = yaml.position(of: "not:")
        #expect(found.map(\.description) == ["spec.yaml:\(line):\(column): warning: 'not' is not supported and is ignored in property 'name' of schema 'User'"])
        // It still generates.
        _ = try generate(yaml)
    }

    @Test("Diagnostics print in the compiler's form")
    func format() {
        let diagnostic = Diagnostic.error("boom", at: .init(file: "spec/follows.yaml", line: 3, column: 9))
        #expect(diagnostic.description == "spec/follows.yaml:3:9: error: boom")
        #expect(Diagnostic.warning("hm", at: .init(file: "a.yaml", line: 1, column: 1)).description == "a.yaml:1:1: warning: hm")
    }
}
