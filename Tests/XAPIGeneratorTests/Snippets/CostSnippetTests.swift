import Testing
@testable import XAPIGenerator

/// What X charges and which plans include an operation (`x-pricing`, `x-availability`), and
/// the older spellings a server still accepts (`x-aliases`, `x-value-aliases`).
extension SnippetTests {
    static let pricingSpec = #"""
    openapi: 3.1.0
    info:
      title: Snippet
      version: "1.0"
    paths:
      /2/users/{id}/followers:
        get:
          operationId: usersIdFollowers
          summary: Followers by User ID
          x-swift-name: followers(of:)
          x-pricing:
            category: "Following/Followers: Read"
            charged: resource
            resource: user
            resources: data
            price: "0.010"
            at-most: max_results
            owned-read:
              price: "0.001"
              parameter: id
            description: X's pricing page, Owned Reads since 2026-04-20.
          security:
            - BearerToken: []
          parameters:
            - name: id
              in: path
              required: true
              description: The user whose followers to list.
              schema:
                $ref: "#/components/schemas/UserID"
            - name: max_results
              in: query
              description: The page size.
              schema:
                type: integer
                minimum: 1
                maximum: 1000
                default: 100
          responses:
            "200":
              description: A page of users.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/Page"
      /2/users:
        get:
          operationId: getUsersByIds
          summary: Users by IDs
          x-swift-name: users
          x-pricing:
            category: "User: Read"
            charged: resource
            resource: user
            resources: data
            resource-id: id
            price: "0.010"
            at-most: ids
          security:
            - BearerToken: []
          parameters:
            - name: ids
              in: query
              required: true
              description: The users to look up.
              schema:
                type: array
                minItems: 1
                maxItems: 100
                items:
                  $ref: "#/components/schemas/UserID"
              explode: false
          responses:
            "200":
              description: The users.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/Page"
      /2/users/{id}:
        get:
          operationId: getUsersById
          summary: User by ID
          x-swift-name: user(id:)
          x-pricing:
            category: "User: Read"
            charged: resource
            resource: user
            resources: data
            price: "0.010"
          security:
            - BearerToken: []
          parameters:
            - name: id
              in: path
              required: true
              description: The user to look up.
              schema:
                $ref: "#/components/schemas/UserID"
          responses:
            "200":
              description: The user.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/UserLookup"
      /2/users/{id}/following:
        post:
          operationId: usersIdFollow
          summary: Follow User
          x-swift-name: follow(_:)
          x-pricing:
            category: "User Interaction: Create"
            charged: request
            price: "0.015"
          x-availability:
            plans: [enterprise, partner]
            since: "2026-04-20"
            description: |
              Since 2026-04-20 following through the API is part of no
              self-serve plan.
          security:
            - UserToken: []
          parameters:
            - name: id
              in: path
              required: true
              description: The authenticated user.
              schema:
                $ref: "#/components/schemas/UserID"
              x-authenticated-user: true
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  $ref: "#/components/schemas/FollowRequest"
          responses:
            "200":
              description: The result.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/FollowResult"
    components:
      securitySchemes:
        BearerToken:
          type: http
          scheme: bearer
        UserToken:
          type: http
          scheme: OAuth
      schemas:
        UserID:
          type: string
          description: A user's ID.
          pattern: "^[0-9]{1,19}$"
        User:
          type: object
          description: A user.
          required: [id, name]
          properties:
            id:
              $ref: "#/components/schemas/UserID"
            name:
              type: string
              description: The display name.
        Page:
          type: object
          description: Some users.
          properties:
            data:
              type: array
              description: The users.
              items:
                $ref: "#/components/schemas/User"
        UserLookup:
          type: object
          description: One user.
          properties:
            data:
              $ref: "#/components/schemas/User"
        FollowRequest:
          type: object
          description: Whom to follow.
          required: [target_user_id]
          properties:
            target_user_id:
              $ref: "#/components/schemas/UserID"
        FollowResult:
          type: object
          description: The result.
          properties:
            data:
              type: object
              description: Whether it worked.
              properties:
                following:
                  type: boolean
                  description: Following now.
    """#

    @Test("x-pricing and x-availability: exact descriptor arguments, and charged responses become BillableResponse, for a list and a single data")
    func pricingDescriptors() throws {
        expectSame(body(try generate(Self.pricingSpec)[.operations]), #"""
        extension OperationDescriptor {
            /// `GET /2/users/{id}/followers`: Followers by User ID.
            ///
            /// - Cost: $0.010 per user returned; $0.001 as an Owned Read: with user context, when `id` is the
            ///   authenticated user and that user owns the App. X charges each user once per UTC day; reading
            ///   it again the same day is free. X's pricing page, Owned Reads since 2026-04-20.
            public static let usersIdFollowers = OperationDescriptor(
                id: "usersIdFollowers",
                method: .get,
                path: "/2/users/{id}/followers",
                security: [.appOnly],
                rateLimits: [],
                dailyCaps: [],
                isIdempotent: true,
                pricing: OperationPricing(
                    category: "Following/Followers: Read",
                    unit: .resource(kind: "user"),
                    price: USD(significand: 10, scale: 3),
                    ownedRead: OperationPricing.OwnedRead(price: USD(significand: 1, scale: 3), parameter: "id"),
                    bound: .pageSize(parameter: "max_results", defaultValue: 100)
                )
            )

            /// `GET /2/users`: Users by IDs.
            ///
            /// - Cost: $0.010 per user returned. X charges each user once per UTC day; reading it again the
            ///   same day is free.
            public static let getUsersByIds = OperationDescriptor(
                id: "getUsersByIds",
                method: .get,
                path: "/2/users",
                security: [.appOnly],
                rateLimits: [],
                dailyCaps: [],
                isIdempotent: true,
                pricing: OperationPricing(
                    category: "User: Read",
                    unit: .resource(kind: "user"),
                    price: USD(significand: 10, scale: 3),
                    bound: .itemCount(parameter: "ids")
                )
            )

            /// `GET /2/users/{id}`: User by ID.
            ///
            /// - Cost: $0.010 per user returned. X charges each user once per UTC day; reading it again the
            ///   same day is free.
            public static let getUsersById = OperationDescriptor(
                id: "getUsersById",
                method: .get,
                path: "/2/users/{id}",
                security: [.appOnly],
                rateLimits: [],
                dailyCaps: [],
                isIdempotent: true,
                pricing: OperationPricing(
                    category: "User: Read",
                    unit: .resource(kind: "user"),
                    price: USD(significand: 10, scale: 3)
                )
            )

            /// `POST /2/users/{id}/following`: Follow User.
            ///
            /// - Cost: $0.015 per request.
            /// - Plans: `enterprise`, `partner` only. Since 2026-04-20 following through the API is part of no
            ///   self-serve plan.
            public static let usersIdFollow = OperationDescriptor(
                id: "usersIdFollow",
                method: .post,
                path: "/2/users/{id}/following",
                security: [.oauth1UserContext],
                rateLimits: [],
                dailyCaps: [],
                isIdempotent: false,
                pricing: OperationPricing(
                    category: "User Interaction: Create",
                    unit: .request,
                    price: USD(significand: 15, scale: 3)
                ),
                availability: OperationAvailability(
                    plans: ["enterprise", "partner"],
                    since: "2026-04-20",
                    note: "Since 2026-04-20 following through the API is part of no self-serve plan."
                )
            )
        }

        extension OperationParameter {
            /// The parameters of `GET /2/users/{id}/followers` (``OperationDescriptor/usersIdFollowers``), as
            /// the spec names and bounds them.
            public enum UsersIDFollowers {
                /// `id`, in the path: The user whose followers to list.
                public static let id = OperationParameter(
                    name: "id",
                    location: .path,
                    pattern: "^[0-9]{1,19}$"
                )

                /// `max_results`, in the query: The page size.
                public static let maxResults = OperationParameter(
                    name: "max_results",
                    location: .query,
                    minimum: 1,
                    maximum: 1000
                )
            }

            /// The parameters of `GET /2/users` (``OperationDescriptor/getUsersByIds``), as the spec names and
            /// bounds them.
            public enum GetUsersByIDs {
                /// `ids`, in the query: The users to look up.
                public static let ids = OperationParameter(
                    name: "ids",
                    location: .query,
                    pattern: "^[0-9]{1,19}$",
                    minItems: 1,
                    maxItems: 100
                )
            }

            /// The parameters of `GET /2/users/{id}` (``OperationDescriptor/getUsersById``), as the spec names
            /// and bounds them.
            public enum GetUsersByID {
                /// `id`, in the path: The user to look up.
                public static let id = OperationParameter(
                    name: "id",
                    location: .path,
                    pattern: "^[0-9]{1,19}$"
                )
            }

            /// The parameters of `POST /2/users/{id}/following` (``OperationDescriptor/usersIdFollow``), as the
            /// spec names and bounds them.
            public enum UsersIDFollow {
                /// `id`, in the path: The authenticated user.
                public static let id = OperationParameter(
                    name: "id",
                    location: .path,
                    pattern: "^[0-9]{1,19}$"
                )

                /// `target_user_id`, in the JSON body: A user's ID.
                public static let targetUserID = OperationParameter(
                    name: "target_user_id",
                    location: .body,
                    pattern: "^[0-9]{1,19}$"
                )
            }
        }

        extension Page: BillableResponse {
            /// The `id` of each resource in `data`, as X charges them.
            public var billableResourceIDs: [String] { (self.data ?? []).map(\.id) }
        }

        extension UserLookup: BillableResponse {
            /// The `id` of each resource in `data`, as X charges them.
            public var billableResourceIDs: [String] { self.data.map { [$0.id] } ?? [] }
        }

        """#)
    }

    @Test("x-pricing and x-availability: the Cost and Plans callouts of the typed functions, and the budget in Throws")
    func pricingCallouts() throws {
        let clients = try #require(try generate(Self.pricingSpec)[.clients])
        let follow = """
            /// - Authentication: OAuth 1.0a user context.
            /// - Cost: $0.015 per request.
            /// - Plans: `enterprise`, `partner` only. Since 2026-04-20 following through the API is part of no
            ///   self-serve plan.
            /// - Parameters:
        """
        let followers = """
            /// - Authentication: OAuth 2.0 App-only bearer token.
            /// - Cost: $0.010 per user returned; $0.001 as an Owned Read: with user context, when `id` is the
            ///   authenticated user and that user owns the App. X charges each user once per UTC day; reading
            ///   it again the same day is free. X's pricing page, Owned Reads since 2026-04-20.
            /// - Parameters:
        """
        let lookup = """
            /// - Authentication: OAuth 2.0 App-only bearer token.
            /// - Cost: $0.010 per user returned. X charges each user once per UTC day; reading it again the
            ///   same day is free.
            /// - Parameters:
            ///   - id: The user to look up.
        """
        let throwsBudget = """
            /// - Throws: `XAPIError`, before any request when an argument breaks the spec's rules or the
            ///   credentials cannot call this operation, or its worst-case cost would pass the configured
            ///   budget, and for a failed request or a response that does not decode.
        """
        for callouts in [follow, followers, lookup] {
            #expect(clients.contains(callouts), "missing:\n\(callouts)")
        }
        #expect(clients.components(separatedBy: throwsBudget).count == 5)

        // Without x-pricing or x-availability: no callouts and no budget in Throws.
        let unpriced = Self.pricingSpec
            .replacing(once: "      x-pricing:\n        category: \"User Interaction: Create\"\n        charged: request\n        price: \"0.015\"\n", with: "")
            .replacing(once: "      x-availability:\n        plans: [enterprise, partner]\n", with: "      x-unrelated:\n        plans: [enterprise, partner]\n")
        let plain = try #require(try generate(unpriced)[.clients])
        #expect(plain.contains("""
            /// - Authentication: OAuth 1.0a user context.
            /// - Parameters:
        """))
        #expect(plain.components(separatedBy: throwsBudget).count == 4)
        #expect(!body(try generate(unpriced)[.operations]).contains("availability:"))
    }

    @Test("USD literals keep every written digit: USD(significand:scale:) never goes through a Double", arguments: [
        ("0.010", "USD(significand: 10, scale: 3)"),
        ("0.001", "USD(significand: 1, scale: 3)"),
        ("1", "USD(significand: 1, scale: 0)"),
        ("12.50", "USD(significand: 1250, scale: 2)"),
        ("0", "USD(significand: 0, scale: 0)"),
        ("0.000", "USD(significand: 0, scale: 3)"),
        ("0.123456789012345678", "USD(significand: 123456789012345678, scale: 18)"),
    ])
    func usdLiterals(price: String, literal: String) {
        #expect(SwiftRenderer.usd(price) == literal)
    }

    static let aliasesSpec = #"""
    openapi: 3.1.0
    info:
      title: Snippet
      version: "1.0"
    paths:
      /2/users/{id}:
        get:
          operationId: getUsersById
          x-swift-name: user(id:)
          security:
            - BearerToken: []
          parameters:
            - name: id
              in: path
              required: true
              schema:
                type: string
            - name: expansions
              in: query
              schema:
                type: array
                uniqueItems: true
                items:
                  type: string
                  enum: [affiliation, pinned_post_id]
              explode: false
              x-value-aliases:
                affiliation.user_id: affiliation
                pinned_tweet_id: pinned_post_id
              x-expansions:
                affiliation:
                  schema: User
                  field: affiliation.user_id
                  includes: users
                  target: User
                pinned_post_id:
                  schema: User
                  field: pinned_tweet_id
                  includes: tweets
                  target: Tweet
            - name: post.fields
              in: query
              schema:
                type: array
                uniqueItems: true
                items:
                  type: string
                  enum: [created_at, id, text]
              explode: false
              x-aliases: [tweet.fields]
              x-fields:
                schema: Tweet
                defaults: [id, text]
          responses:
            "200":
              description: The user.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/UserLookup"
    components:
      securitySchemes:
        BearerToken:
          type: http
          scheme: bearer
      schemas:
        Affiliation:
          type: object
          properties:
            user_id:
              type: array
              items:
                type: string
        User:
          type: object
          required: [id]
          properties:
            id:
              type: string
            pinned_tweet_id:
              type: string
            affiliation:
              $ref: "#/components/schemas/Affiliation"
        Tweet:
          type: object
          required: [id, text]
          properties:
            id:
              type: string
            text:
              type: string
            created_at:
              type: string
        Includes:
          type: object
          properties:
            users:
              type: array
              items:
                $ref: "#/components/schemas/User"
            tweets:
              type: array
              items:
                $ref: "#/components/schemas/Tweet"
        UserLookup:
          type: object
          properties:
            data:
              $ref: "#/components/schemas/User"
            includes:
              $ref: "#/components/schemas/Includes"
    """#

    @Test("x-value-aliases: deprecated Swift names for the older values; sourceField from x-expansions")
    func valueAliases() throws {
        let fields = try #require(try generate(Self.aliasesSpec)[.fields])
        let aliases = #"""
        extension User.Expansion {
            /// `affiliation.user_id`, the older name of ``affiliation`` (`affiliation`), which is sent instead.
            @available(*, deprecated, renamed: "affiliation")
            public static var affiliationUserID: Self { .affiliation }

            /// `pinned_tweet_id`, the older name of ``pinnedPostID`` (`pinned_post_id`), which is sent instead.
            @available(*, deprecated, renamed: "pinnedPostID")
            public static var pinnedTweetID: Self { .pinnedPostID }
        }

        extension User.Expansion {
            /// The field of the data object that holds the expanded object's ID (a dotted path for a nested
            /// one), which a server returns with the expansion; `nil` for an expansion the spec does not list.
            public var sourceField: String? {
                switch self {
                case .affiliation: "affiliation.user_id"
                case .pinnedPostID: "pinned_tweet_id"
                case .unknown: nil
                }
            }
        }

        extension Tweet {
        """#
        #expect(fields.contains(aliases), "\(fields)")
        // A field enum without x-value-aliases gets no alias extension.
        #expect(!fields.contains("extension Tweet.Field {\n    /// `"))
    }

    @Test("x-aliases and x-value-aliases: the server's input decoder accepts the older spellings")
    func serverAliases() throws {
        let result = try Generator(mode: .server, imports: ["Snippet"]).generate(yaml: Self.aliasesSpec, file: "snippet.yaml")
        let server = try #require(result.files.first { $0.name == .server }?.contents)
        #expect(server.contains("""
                    var decoder = ServerInputDecoder(
                        request,
                        route: route,
                        parameters: ["id", "expansions", "post.fields"],
                        aliases: ["tweet.fields": "post.fields"],
                        valueAliases: ["expansions": ["affiliation.user_id": "affiliation", "pinned_tweet_id": "pinned_post_id"]]
                    )
        """), "\(server)")

        // Without them the decoder is called as before.
        let plain = Self.aliasesSpec
            .replacing(once: "          x-aliases: [tweet.fields]\n", with: "")
            .replacing(once: "          x-value-aliases:\n            affiliation.user_id: affiliation\n            pinned_tweet_id: pinned_post_id\n", with: "")
        let plainResult = try Generator(mode: .server, imports: ["Snippet"]).generate(yaml: plain, file: "snippet.yaml")
        let plainServer = try #require(plainResult.files.first { $0.name == .server }?.contents)
        #expect(plainServer.contains("""
                        parameters: ["id", "expansions", "post.fields"]
                    )
        """))
        #expect(!plainServer.contains("aliases:"))
        #expect(!(try #require(try generate(plain)[.fields])).contains("deprecated"))
    }
}
