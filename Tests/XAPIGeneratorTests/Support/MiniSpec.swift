/// A small valid spec with one paginated, fields-selecting, expanding
/// operation; diagnostics tests break one thing in it at a time.
let miniSpec = """
openapi: 3.1.0
info:
  title: Mini
  version: "1.0"
paths:
  /2/users/{id}/followers:
    get:
      operationId: usersIdFollowers
      x-swift-name: followers(of:)
      x-pagination:
        items: data
        token-parameter: pagination_token
        next-token: meta.next_token
      security:
        - BearerToken: []
      parameters:
        - name: id
          in: path
          required: true
          schema:
            $ref: "#/components/schemas/UserID"
        - name: pagination_token
          in: query
          schema:
            type: string
        - name: user.fields
          in: query
          schema:
            type: array
            items:
              type: string
              enum: [id, name, pinned_tweet_id]
          style: form
          explode: false
          x-fields:
            schema: User
            defaults: [id, name]
        - name: expansions
          in: query
          schema:
            type: array
            items:
              type: string
              enum: [pinned_tweet_id]
          explode: false
          x-expansions:
            pinned_tweet_id:
              schema: User
              field: pinned_tweet_id
              includes: tweets
              target: Tweet
              property: pinned_tweet
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Page"
components:
  securitySchemes:
    BearerToken:
      type: http
      scheme: bearer
  schemas:
    UserID:
      type: string
      pattern: "^[0-9]{1,19}$"
    User:
      type: object
      required: [id, name]
      properties:
        id:
          $ref: "#/components/schemas/UserID"
        name:
          type: string
        pinned_tweet_id:
          type: string
    Tweet:
      type: object
      required: [id]
      properties:
        id:
          type: string
    Includes:
      type: object
      properties:
        tweets:
          type: array
          items:
            $ref: "#/components/schemas/Tweet"
    Meta:
      type: object
      properties:
        next_token:
          type: string
    Page:
      type: object
      properties:
        data:
          type: array
          items:
            $ref: "#/components/schemas/User"
        includes:
          $ref: "#/components/schemas/Includes"
        meta:
          $ref: "#/components/schemas/Meta"
"""

import Testing

extension String {
    /// This text with the first occurrence of `target` replaced; traps when it is missing,
    /// so a test cannot silently keep the original.
    func replacing(once target: String, with replacement: String) -> String {
        guard let range = range(of: target) else {
            Issue.record("'\(target)' is not in the text")
            return self
        }
        return replacingCharacters(in: range, with: replacement)
    }

    /// The 1-based line and column where the `occurrence`th `needle` starts.
    func position(of needle: String, occurrence: Int = 1) -> (line: Int, column: Int) {
        var searchStart = startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            guard let range = range(of: needle, range: searchStart..<endIndex) else {
                Issue.record("'\(needle)' occurs fewer than \(occurrence) times")
                return (0, 0)
            }
            found = range
            searchStart = range.upperBound
        }
        let prefix = self[..<found!.lowerBound]
        let line = prefix.filter { $0 == "\n" }.count + 1
        let lineStart = prefix.lastIndex(of: "\n").map { index(after: $0) } ?? startIndex
        let column = self[lineStart..<found!.lowerBound].unicodeScalars.count + 1
        return (line, column)
    }
}
